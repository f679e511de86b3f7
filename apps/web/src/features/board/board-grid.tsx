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
import { type CSSProperties, useEffect, useRef } from "react";
import { useBoardStore } from "./board-store";
import { dragAnnouncements, dragInstructions } from "./drag-announcements";
import { DragBindingLayer } from "./drag-binding-layer";
import { forgetUnmountedElements } from "./drag-elements";
import { LaneRow } from "./lane-row";
import { DRAG_INSTRUCTIONS_ID, DraggedDemandCard } from "./sortable-demand-card";
import { StageHeader } from "./stage-header";
import { useDemandDrag } from "./use-demand-drag";
import { useStickyOffset } from "./use-sticky-offset";
import "./board-layout.css";

// Droppables are measured when a drag starts and when a cell's list changes,
// not continuously: with hundreds of cards, continuous measuring forces layout.
const measuring = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

/** Stages as columns, swim lanes as rows, demands as cards that can be dragged between them. */
export function BoardGrid() {
  const stages = useBoardStore((s) => s.stages);
  const lanes = useBoardStore((s) => s.lanes);
  const drag = useDemandDrag();
  const stageHeaders = useRef<HTMLDivElement>(null);
  useStickyOffset(stageHeaders);
  useEffect(() => forgetUnmountedElements, []);
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so clicks on a card's title still open it.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  return (
    <>
      {/* The grid is beside the DndContext, not inside it: see drag-elements.ts. */}
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
      <div className="board-scroller">
        {/* Columns share the window's width (board-layout.css, docs/decisions/008). */}
        <div className="board-grid" style={{ "--stage-count": stages.length } as CSSProperties}>
          <div className="stage-headers" ref={stageHeaders}>
            {stages.map((stage, index) => (
              <StageHeader key={stage.id} stage={stage} first={index === 0} />
            ))}
          </div>
          {lanes.map((lane) => (
            <LaneRow key={lane.id} lane={lane} />
          ))}
        </div>
      </div>
    </>
  );
}
