import { ZBoardEvent, ZJoinAck } from "@tideway/contracts";
import { subscribeToAppSocket } from "../../api/app-socket";
import type { LiveState } from "./dashboard-store";

const JOIN_TIMEOUT_MS = 10_000;

export interface BoardEventHandlers {
  /** Something on the board changed, or may have changed while the connection was down. */
  onChange: () => void;
  /** Stages, lanes or board settings changed. */
  onSettingsChange: () => void;
  onLiveState: (state: LiveState) => void;
  onRefused: (message: string) => void;
}

/**
 * The dashboard's membership of a board's room, on the tab's connection: it only needs to know
 * that something changed, not what, so unlike the board's live store it
 * keeps no sequence numbers and applies nothing; every event (and every
 * (re)join, since events may have been missed meanwhile) asks for the
 * metrics again. Returns the function that leaves the room.
 */
export function subscribeToBoardEvents(boardId: string, handlers: BoardEventHandlers): () => void {
  let closed = false;
  handlers.onLiveState("connecting");

  const { socket, close } = subscribeToAppSocket({
    connect: () => {
      socket.timeout(JOIN_TIMEOUT_MS).emit("board:join", { boardId }, (error, answer) => {
        if (closed) return;
        const ack = ZJoinAck.safeParse(answer);
        if (error || !ack.success) {
          handlers.onLiveState("offline");
          return;
        }
        if (!ack.data.ok) {
          handlers.onLiveState("offline");
          handlers.onRefused(ack.data.message);
          return;
        }
        handlers.onLiveState("live");
        handlers.onChange();
      });
    },
    disconnect: () => {
      if (!closed) handlers.onLiveState("connecting");
    },
    connect_error: () => handlers.onLiveState("offline"),
    "board:event": (raw) => {
      const event = ZBoardEvent.safeParse(raw);
      // An event this client cannot read still means the board changed.
      if (event.success && event.data.boardId !== boardId) return;
      if (event.success && event.data.type === "settings.changed") handlers.onSettingsChange();
      handlers.onChange();
    },
  });

  return () => {
    closed = true;
    socket.emit("board:leave", { boardId });
    close();
  };
}
