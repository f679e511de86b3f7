import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useLayoutEffect } from "react";
import { dragAnnouncements, dragInstructions } from "./drag-announcements";
import { DragBindingLayer } from "./drag-binding-layer";
import { useDragScope } from "./drag-scope-store";
import { DRAG_INSTRUCTIONS_ID, DraggedDemandCard } from "./sortable-demand-card";
import { useDemandDrag } from "./use-demand-drag";

// Droppables are measured when a drag starts and when a cell's list changes,
// not continuously: with hundreds of cards, continuous measuring forces layout.
const measuring = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

/**
 * dnd-kit and everything that drags cards, in a chunk of its own that loads while the
 * board's data is on its way (board-grid.tsx): the grid paints without it and its cards
 * become draggable when it arrives, as they bind to the grid's elements (drag-elements.ts).
 */
export function BoardDragLayer() {
  const drag = useDemandDrag();
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so clicks on a card's title still open it.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  useLayoutEffect(() => {
    useDragScope.getState().setLayerReady(true);
    return () => useDragScope.getState().setLayerReady(false);
  }, []);

  return (
    <DndContext
      id={DRAG_INSTRUCTIONS_ID}
      sensors={sensors}
      collisionDetection={drag.collisionDetection}
      measuring={measuring}
      // Pointer drags scroll the board from drag-auto-scroll.ts; keyboard drags scroll themselves.
      autoScroll={false}
      accessibility={{ announcements: dragAnnouncements, screenReaderInstructions: dragInstructions }}
      onDragStart={drag.onDragStart}
      onDragOver={drag.onDragOver}
      onDragEnd={drag.onDragEnd}
      onDragCancel={drag.onDragCancel}
    >
      <DragBindingLayer />
      <DragOverlay className="drag-overlay">
        {drag.activeId ? <DraggedDemandCard id={drag.activeId} /> : null}
      </DragOverlay>
    </DndContext>
  );
}
