import { subscribeToBoardRoom } from "../../api/board-room";
import type { LiveState } from "./use-live-dashboard";

export interface BoardEventHandlers {
  onLiveState: (state: LiveState) => void;
  onRefused: (message: string) => void;
}

/**
 * A page's membership of a board's room, on the tab's connection, for pages that
 * only show what is computed from the board (the dashboard, the portfolio): the
 * room's events reach the query cache (api/board-event-cache.ts), which refetches
 * what such a page shows; unlike the board's live store it keeps no sequence
 * numbers and applies nothing. Returns the function that leaves the room.
 */
export function subscribeToBoardEvents(boardId: string, handlers: BoardEventHandlers): () => void {
  handlers.onLiveState("connecting");
  return subscribeToBoardRoom(boardId, {
    joined: () => handlers.onLiveState("live"),
    refused: (message) => {
      handlers.onLiveState("offline");
      handlers.onRefused(message);
    },
    offline: () => handlers.onLiveState("offline"),
    reconnecting: () => handlers.onLiveState("connecting"),
    // The room hands every event to the query cache; such a page reads only the cache.
    event: () => {},
  });
}
