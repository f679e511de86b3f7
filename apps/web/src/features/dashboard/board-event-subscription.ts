import { ZBoardEvent } from "@tideway/contracts";
import { subscribeToBoardRoom } from "../../api/board-room";
import type { LiveState } from "./dashboard-store";

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
  handlers.onLiveState("connecting");
  return subscribeToBoardRoom(boardId, {
    joined: () => {
      handlers.onLiveState("live");
      handlers.onChange();
    },
    refused: (message) => {
      handlers.onLiveState("offline");
      handlers.onRefused(message);
    },
    offline: () => handlers.onLiveState("offline"),
    reconnecting: () => handlers.onLiveState("connecting"),
    event: (raw) => {
      const event = ZBoardEvent.safeParse(raw);
      // An event this client cannot read still means the board changed.
      if (event.success && event.data.boardId !== boardId) return;
      if (event.success && event.data.type === "settings.changed") handlers.onSettingsChange();
      handlers.onChange();
    },
  });
}
