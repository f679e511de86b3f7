import { memo } from "react";
import { useT } from "../../i18n/use-t";
import { describeCell } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { cellIdOf } from "./cell-order";
import { cellListElement } from "./drag-elements";
import { useDragScope } from "./drag-scope-store";
import { fullWillRefuse } from "./drop-refusal";
import { SortableDemandCard } from "./sortable-demand-card";
import { useShownCards } from "./use-shown-cards";

interface StageCellProps {
  stageId: string;
  laneId: string;
  /** A done stage shows its latest arrivals rather than its top. */
  doneStage: boolean;
}

/**
 * One stage in one swim lane; re-renders only when its own list of demands
 * changes. Its drop area and sortable list are wired to dnd-kit from
 * drag-binding-layer.tsx, so a drag does not re-render it.
 */
export const StageCell = memo(function StageCell({ stageId, laneId, doneStage }: StageCellProps) {
  const cellId = cellIdOf(stageId, laneId);
  const { ids, shown, expanded, folded } = useShownCards(cellId, doneStage);
  const label = useBoardStore((s) => describeCell(s, stageId, laneId));
  const expandCell = useBoardStore((s) => s.expandCell);
  const refusing = useDragScope((s) => s.refusingCellId === cellId);
  const hidden = ids.length - shown.length;
  const t = useT();

  const toggle =
    hidden > 0 || expanded ? (
      <button type="button" className="show-more" onClick={() => expandCell(cellId, !expanded)}>
        {expanded
          ? t("cell.showFewer")
          : folded
            ? t("cell.showDelivered", { count: hidden })
            : doneStage
              ? t("cell.showEarlier", { count: hidden })
              : t("cell.showMore", { count: hidden })}
      </button>
    ) : null;
  return (
    <div
      className="stage-cell"
      data-cell={cellId}
      data-done={doneStage || undefined}
      data-refusing={refusing || undefined}
    >
      {/* Screen readers hear it from the drag's live region (drag-announcements.ts). */}
      {refusing && (
        <p className="cell-refusal" aria-hidden="true">
          {fullWillRefuse()}
        </p>
      )}
      {doneStage && toggle}
      <ul ref={cellListElement(cellId).ref} className="cell-cards" aria-label={label}>
        {shown.map((id) => (
          <SortableDemandCard key={id} id={id} />
        ))}
      </ul>
      {!doneStage && toggle}
    </div>
  );
});
