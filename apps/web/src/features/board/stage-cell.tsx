import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { memo } from "react";
import { describeCell, selectCell } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { cellIdOf } from "./cell-order";
import { shownRange } from "./cell-window";
import { useDragScope } from "./drag-scope-store";
import { SortableDemandCard } from "./sortable-demand-card";

interface StageCellProps {
  stageId: string;
  laneId: string;
  /** A done stage shows its latest arrivals rather than its top. */
  doneStage: boolean;
}

/** One stage in one swim lane; re-renders only when its own list of demands changes. */
export const StageCell = memo(function StageCell({ stageId, laneId, doneStage }: StageCellProps) {
  const cellId = cellIdOf(stageId, laneId);
  const ids = useBoardStore(selectCell(cellId));
  const label = useBoardStore((s) => describeCell(s, stageId, laneId));
  const expanded = useBoardStore((s) => s.expandedCells[cellId] ?? false);
  const expandCell = useBoardStore((s) => s.expandCell);
  const live = useDragScope((s) => s.liveCells.includes(cellId));
  const { setNodeRef } = useDroppable({ id: cellId });
  const { start, end } = shownRange(ids.length, doneStage, expanded);
  // A contiguous slice, so the neighbours named in a move are neighbours in the whole cell too.
  const shown = start === 0 && end === ids.length ? ids : ids.slice(start, end);
  const hidden = ids.length - shown.length;
  const toggle =
    hidden > 0 || expanded ? (
      <button type="button" className="show-more" onClick={() => expandCell(cellId, !expanded)}>
        {expanded ? "Show fewer" : doneStage ? `Show ${hidden} earlier` : `Show ${hidden} more`}
      </button>
    ) : null;
  return (
    <div className="stage-cell" data-cell={cellId}>
      {doneStage && toggle}
      <SortableContext id={cellId} items={shown} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="cell-cards" aria-label={label}>
          {shown.map((id) => (
            <SortableDemandCard key={id} id={id} live={live} />
          ))}
        </ul>
      </SortableContext>
      {!doneStage && toggle}
    </div>
  );
});
