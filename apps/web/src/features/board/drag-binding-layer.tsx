import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Fragment, memo, useLayoutEffect } from "react";
import { useBoardStore } from "./board-store";
import { CardDragBinding } from "./card-drag-binding";
import { cellIdOf } from "./cell-order";
import { cellListElement } from "./drag-elements";
import { useDragScope } from "./drag-scope-store";
import { useShownCards } from "./use-shown-cards";

/**
 * Everything of the board that consumes dnd-kit's contexts, rendered inside
 * the DndContext while the grid itself is rendered beside it (see
 * drag-elements.ts): per cell a drop area and a sortable list, and the
 * bindings of the cards in play (drag-scope-store.ts).
 */
export function DragBindingLayer() {
  const stages = useBoardStore((s) => s.stages);
  const lanes = useBoardStore((s) => s.lanes);
  return lanes.map((lane) => (
    <Fragment key={lane.id}>
      {stages.map((stage) => (
        <CellDragBinding
          key={stage.id}
          cellId={cellIdOf(stage.id, lane.id)}
          doneStage={stage.kind === "done"}
        />
      ))}
    </Fragment>
  ));
}

const CellDragBinding = memo(function CellDragBinding({
  cellId,
  doneStage,
}: {
  cellId: string;
  doneStage: boolean;
}) {
  const { shown } = useShownCards(cellId, doneStage);
  const live = useDragScope((s) => s.liveCells.includes(cellId));
  const armedId = useDragScope((s) => s.armedCardId);
  const { setNodeRef } = useDroppable({ id: cellId });

  useLayoutEffect(() => {
    const list = cellListElement(cellId);
    list.sync = () => setNodeRef(list.node);
    list.sync();
    return () => {
      list.sync = undefined;
    };
  }, [cellId, setNodeRef]);

  const wired = live ? shown : armedId !== null && shown.includes(armedId) ? [armedId] : [];
  return (
    <SortableContext id={cellId} items={shown} strategy={verticalListSortingStrategy}>
      {wired.map((id) => (
        <CardDragBinding key={id} id={id} />
      ))}
    </SortableContext>
  );
});
