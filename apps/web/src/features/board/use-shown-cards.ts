import { useMemo } from "react";
import { selectCell } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { shownRange } from "./cell-window";

/** A cell's demands and the contiguous part of them on screen (see cell-window.ts). */
export function useShownCards(cellId: string, doneStage: boolean) {
  const ids = useBoardStore(selectCell(cellId));
  const expanded = useBoardStore((s) => s.expandedCells[cellId] ?? false);
  const { start, end } = shownRange(ids.length, doneStage, expanded);
  // A contiguous slice, so the neighbours named in a move are neighbours in the whole cell too.
  const shown = useMemo(
    () => (start === 0 && end === ids.length ? ids : ids.slice(start, end)),
    [ids, start, end],
  );
  return { ids, shown, expanded };
}
