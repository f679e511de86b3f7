import { useMemo } from "react";
import { selectCell, selectLaneIdle } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { parseCellId } from "./cell-order";
import { shownRange } from "./cell-window";
import { useVisibleDemandIds } from "./use-visible-demand-ids";

/**
 * A cell's demands that pass the board's filter, and the contiguous part of
 * them on screen (see cell-window.ts). The grid and the drag bindings both ask
 * this, so what can be dragged over is what is drawn.
 */
export function useShownCards(cellId: string, doneStage: boolean) {
  const laneId = parseCellId(cellId)?.laneId ?? "";
  const laneIdle = useBoardStore((s) => doneStage && selectLaneIdle(laneId)(s));
  const all = useBoardStore(selectCell(cellId));
  const visible = useVisibleDemandIds();
  const ids = useMemo(() => (visible ? all.filter((id) => visible.has(id)) : all), [all, visible]);
  const expanded = useBoardStore((s) => s.expandedCells[cellId] ?? false);
  const { start, end } = shownRange(ids.length, doneStage, expanded, laneIdle);
  // A contiguous slice; a move names its neighbours from the whole cell (use-demand-drag.ts).
  const shown = useMemo(
    () => (start === 0 && end === ids.length ? ids : ids.slice(start, end)),
    [ids, start, end],
  );
  return { ids, shown, expanded, folded: laneIdle && !expanded && ids.length > 0 };
}
