import { type ServerToClientEvents, ZJoinAck } from "@tideway/contracts";
import { subscribeToAppSocket } from "./app-socket";
import { boardEventCache } from "./board-event-cache";

const JOIN_TIMEOUT_MS = 10_000;

export interface BoardRoomListeners {
  /** In the room, on every (re)connection: events after `seq` will arrive. */
  joined: (seq: number) => void;
  /** The server will not let this user in (not a member); its reason. */
  refused: (message: string) => void;
  /** No connection, or the join went unanswered. */
  offline: () => void;
  /** The connection dropped; socket.io is reconnecting. */
  reconnecting: () => void;
  event: ServerToClientEvents["board:event"];
}

/**
 * A board's live room on the tab's connection: joined on every (re)connect,
 * since a reconnect starts without rooms. Every event (and every join, after which
 * missed events are possible) also updates the query cache (api/board-event-cache.ts).
 * Returns the function that leaves it.
 */
export function subscribeToBoardRoom(boardId: string, listeners: BoardRoomListeners): () => void {
  let left = false;
  const { socket, close } = subscribeToAppSocket({
    connect: () => {
      socket.timeout(JOIN_TIMEOUT_MS).emit("board:join", { boardId }, (error, answer) => {
        if (left) return;
        const ack = ZJoinAck.safeParse(answer);
        if (error || !ack.success) listeners.offline();
        else if (!ack.data.ok) listeners.refused(ack.data.message);
        else {
          boardEventCache.roomJoined(boardId);
          listeners.joined(ack.data.seq);
        }
      });
    },
    disconnect: () => {
      if (!left) listeners.reconnecting();
    },
    connect_error: () => listeners.offline(),
    "board:event": (raw) => {
      // The cache follows every event first, so a page reacting to it reads fresh keys.
      boardEventCache.eventArrived(boardId, raw);
      listeners.event(raw);
    },
  });
  return () => {
    left = true;
    socket.emit("board:leave", { boardId });
    close();
  };
}
