import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo } from "react";
import { useClock } from "../../ui/clock-store";
import { canEdit, selectOpenDefects, selectStageCriteria } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { DemandCard } from "./demand-card";

/** A demand in its cell: the whole card can be dragged with the mouse, the handle with the keyboard. */
export const SortableDemandCard = memo(function SortableDemandCard({ id }: { id: string }) {
  const demand = useBoardStore((s) => s.demands[id]);
  const moving = useBoardStore((s) => id in s.pendingMoves);
  const editable = useBoardStore(canEdit);
  const criteria = useBoardStore(selectStageCriteria(demand?.stageId ?? ""));
  const openDefects = useBoardStore(selectOpenDefects(id));
  const now = useClock((s) => s.now);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id,
      disabled: !editable || moving,
      attributes: { roleDescription: "draggable demand" },
    });
  if (!demand) return null;
  return (
    <li
      ref={setNodeRef}
      className="card-slot"
      data-dragging={isDragging || undefined}
      data-moving={moving || undefined}
      data-demand-key={demand.key}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...listeners}
    >
      <DemandCard demand={demand} criteria={criteria} openDefects={openDefects} now={now} />
      {editable && (
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="drag-handle"
          aria-label={`Move ${demand.key}`}
          {...attributes}
        >
          ⠿
        </button>
      )}
    </li>
  );
});

/** The copy of a card that follows the pointer while it is dragged. */
export function DraggedDemandCard({ id }: { id: string }) {
  const demand = useBoardStore((s) => s.demands[id]);
  const criteria = useBoardStore(selectStageCriteria(demand?.stageId ?? ""));
  const openDefects = useBoardStore(selectOpenDefects(id));
  const now = useClock((s) => s.now);
  if (!demand) return null;
  return (
    <div className="card-slot dragged-card" aria-hidden="true">
      <DemandCard demand={demand} criteria={criteria} openDefects={openDefects} now={now} />
    </div>
  );
}
