import { useEffect } from "react";
import { useBoardStore } from "../board/board-store";
import { useChildProgress } from "./child-progress-store";

/** A burst of changes (several children moved at once) becomes one fetch. */
const QUIET_MS = 300;

/**
 * Keeps the business cards' children progress current while a board is
 * shown: loaded with the board, and again whenever its sequence number moves
 * (a change on the board, or `portfolio.changed` from a team board).
 */
export function useBoardChildren(boardId: string | undefined): void {
  useEffect(() => {
    if (!boardId) return;
    const load = () =>
      useChildProgress
        .getState()
        .load(boardId)
        .catch(() => undefined);
    void load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = useBoardStore.subscribe((state, previous) => {
      if (state.boardId !== boardId || state.seq === previous.seq) return;
      clearTimeout(timer);
      timer = setTimeout(() => void load(), QUIET_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
      useChildProgress.getState().clear();
    };
  }, [boardId]);
}
