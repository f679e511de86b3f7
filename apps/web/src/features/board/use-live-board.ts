import { useEffect } from "react";
import { useBoardLive } from "./board-live-store";

/** Keeps the board store joined to the board's live room while a page shows it. */
export function useLiveBoard(boardId: string | undefined): void {
  useEffect(() => {
    if (!boardId) return;
    useBoardLive.getState().connect(boardId);
    return () => useBoardLive.getState().disconnect();
  }, [boardId]);
}
