import { type CSSProperties, lazy, Suspense, useEffect, useRef } from "react";
import { useBoardStore } from "./board-store";
import { forgetUnmountedElements } from "./drag-elements";
import { useDragScope } from "./drag-scope-store";
import { LaneRow } from "./lane-row";
import { StageHeader } from "./stage-header";
import { useStickyOffset } from "./use-sticky-offset";
import "./board-layout.css";
import { withMessages } from "../../i18n/with-messages";
import { useHydrated } from "../../ui/use-hydrated";

const loadDragLayer = () =>
  withMessages("drag", () => import("./board-drag-layer")).then((module) => ({
    default: module.BoardDragLayer,
  }));
const BoardDragLayer = lazy(loadDragLayer);

/**
 * Starts loading the drag layer (dnd-kit, a sixth of the board's code) while the board's
 * data is requested, so it is not part of the JavaScript the page needs before it paints.
 */
export function preloadBoardDragLayer(): void {
  void loadDragLayer();
}

/** Stages as columns, swim lanes as rows, demands as cards that can be dragged between them. */
export function BoardGrid() {
  const stages = useBoardStore((s) => s.stages);
  const lanes = useBoardStore((s) => s.lanes);
  const stageHeaders = useRef<HTMLDivElement>(null);
  const dragReady = useDragScope((s) => s.layerReady);
  const hydrated = useHydrated();
  useStickyOffset(stageHeaders);
  useEffect(() => forgetUnmountedElements, []);

  return (
    <>
      {/* The grid is beside the DndContext, not inside it: see drag-elements.ts. */}
      {hydrated && (
        <Suspense fallback={null}>
          <BoardDragLayer />
        </Suspense>
      )}
      {/* data-drag-ready: cards can be picked up (what a browser test waits for before a drag). */}
      <div className="board-scroller" data-drag-ready={dragReady || undefined}>
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
