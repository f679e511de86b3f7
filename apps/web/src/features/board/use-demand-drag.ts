import {
  type Collision,
  type CollisionDetection,
  closestCenter,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  getFirstCollision,
  pointerWithin,
  rectIntersection,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove } from "@dnd-kit/sortable";
import { useCallback, useEffect, useRef, useState } from "react";
import { notify } from "../../ui/notice-stack";
import { useBoardStore } from "./board-store";
import { cellOfDemand, findCell, isCellId, moveToCell, neighboursAt, parseCellId } from "./cell-order";
import { dropIndexOnCell } from "./cell-window";
import { startEdgeAutoScroll } from "./drag-auto-scroll";
import { cardElements } from "./drag-elements";
import { useDragScope } from "./drag-scope-store";
import { dropRefusal } from "./drop-refusal";
import { MOVE_NOTICE, requestMove } from "./request-move";

/**
 * Dragging demands between cells and within one, after dnd-kit's
 * multiple-containers example: the card follows the pointer from cell to cell
 * while dragging (the cells are snapshotted when the drag starts), a cancel
 * restores the snapshot, and only the drop sends a move to the server.
 * Only the cells the drag touches have their cards wired to dnd-kit (drag-scope-store.ts).
 */
export function useDemandDrag() {
  const [activeId, setActiveId] = useState<string | null>(null);
  const lastOverId = useRef<UniqueIdentifier | null>(null);
  const justChangedCell = useRef(false);
  const lastCollisions = useRef<Collision[]>([]);
  const stopAutoScroll = useRef<(() => void) | null>(null);
  // A board left in the middle of a drag must not come back with cells still wired, or keep scrolling.
  useEffect(
    () => () => {
      stopAutoScroll.current?.();
      useDragScope.getState().setLiveCells([]);
      useDragScope.getState().setRefusingCell(null);
    },
    [],
  );

  // Hit-testing runs on every pointer move, and each rect access re-reads the
  // scroll offsets: find the cell first (a few dozen), then the closest card in it.
  const collisionDetection: CollisionDetection = useCallback((args) => {
    // The same array while the result stays the same: dnd-kit passes it to every consumer of
    // its context, and a new array on each pointer move makes React search the whole board for them.
    const collisionsWith = (id: UniqueIdentifier | null): Collision[] => {
      const last = lastCollisions.current;
      const same = id === null ? last.length === 0 : last.length === 1 && last[0]?.id === id;
      if (!same) lastCollisions.current = id === null ? [] : [{ id }];
      return lastCollisions.current;
    };
    const board = useBoardStore.getState();
    const { cells } = board;
    let overId: UniqueIdentifier | null;
    if (args.pointerCoordinates) {
      // A pointer drag: the cell the user sees under the pointer, read from the page itself.
      // dnd-kit's rects are measured when the drag starts and drift once the board scrolls.
      const seen = cellUnderPointer(args.pointerCoordinates);
      if (seen === "between cells") return collisionsWith(lastOverId.current);
      overId = seen;
    } else {
      const cellAreas = args.droppableContainers.filter((container) => isCellId(String(container.id)));
      const cellArgs = { ...args, droppableContainers: cellAreas };
      const pointerHits = pointerWithin(cellArgs);
      overId = getFirstCollision(pointerHits.length > 0 ? pointerHits : rectIntersection(cellArgs), "id");
    }
    if (overId != null) {
      // Over a cell that will refuse the card, the cell itself: its cards are not in play.
      const refusing = useDragScope.getState().refusingCellId === overId;
      const inCell = new Set(refusing ? [] : (cells[String(overId)] ?? []));
      if (inCell.size > 0) {
        const cards = args.droppableContainers.filter((container) => inCell.has(String(container.id)));
        overId = closestCenter({ ...args, droppableContainers: cards })[0]?.id ?? overId;
      }
      lastOverId.current = overId;
      return collisionsWith(overId);
    }
    if (args.pointerCoordinates) {
      // Over a stage header or off the board: no cell, and a drop here puts the card back.
      lastOverId.current = null;
      return collisionsWith(null);
    }
    // Right after the card changed cells, layout shifts under it; hold on to it until things settle.
    if (justChangedCell.current) lastOverId.current = args.active.id;
    return collisionsWith(lastOverId.current);
  }, []);

  const onDragStart = useCallback(({ active, activatorEvent }: DragStartEvent) => {
    setActiveId(String(active.id));
    lastOverId.current = null;
    const board = useBoardStore.getState();
    board.beginDrag();
    const scope = useDragScope.getState();
    scope.arm(String(active.id));
    const cellId = findCell(board.cells, String(active.id));
    scope.setLiveCells(cellId ? [cellId] : []);
    const slot = cardElements(String(active.id)).slot.node;
    // Keyboard drags scroll with the card themselves (dnd-kit's keyboard sensor).
    if (slot && activatorEvent instanceof PointerEvent) {
      stopAutoScroll.current?.();
      stopAutoScroll.current = startEdgeAutoScroll(slot, {
        x: activatorEvent.clientX,
        y: activatorEvent.clientY,
      });
    }
  }, []);

  const onDragOver = useCallback(({ active, over }: DragOverEvent) => {
    if (!over) return;
    const board = useBoardStore.getState();
    const demandId = String(active.id);
    const overId = String(over.id);
    const fromCell = findCell(board.cells, demandId);
    const toCell = findCell(board.cells, overId);
    if (!fromCell || !toCell) return;
    const scope = useDragScope.getState();
    const refusal = dropRefusal(board, demandId, toCell);
    scope.setRefusingCell(refusal ? toCell : null);
    if (refusal) {
      // The card does not follow into a cell that will refuse it: it waits where it started.
      const originCell = findCell(board.dragSnapshot ?? board.cells, demandId);
      if (board.dragSnapshot && fromCell !== originCell) board.dragCells(board.dragSnapshot);
      scope.setLiveCells(originCell ? [originCell] : []);
      return;
    }
    if (fromCell === toCell) {
      scope.setLiveCells([toCell]);
      return;
    }
    // A cell reached for the first time has none of its cards wired, so the hit test found only
    // the cell: wire them, and the hit test that runs once they are registered finds the card.
    if (isCellId(overId) && !scope.liveCells.includes(toCell) && (board.cells[toCell]?.length ?? 0) > 0) {
      scope.setLiveCells([fromCell, toCell]);
      return;
    }
    const translated = active.rect.current.translated;
    const belowOver = !!translated && translated.top > over.rect.top + over.rect.height;
    const index = entryIndex(board, toCell, overId, belowOver);
    justChangedCell.current = true;
    requestAnimationFrame(() => {
      justChangedCell.current = false;
    });
    board.dragCells(moveToCell(board.cells, demandId, fromCell, toCell, index));
    scope.setLiveCells([toCell]);
  }, []);

  const stopDragging = useCallback(() => {
    setActiveId(null);
    stopAutoScroll.current?.();
    stopAutoScroll.current = null;
    const scope = useDragScope.getState();
    scope.setLiveCells([]);
    scope.setRefusingCell(null);
  }, []);

  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      stopDragging();
      const board = useBoardStore.getState();
      const demandId = String(active.id);
      const demand = board.demands[demandId];
      let cells = board.cells;
      let cellId = findCell(cells, demandId);
      const overId = String(over?.id);
      const overCell = over ? findCell(cells, overId) : undefined;
      // Released the moment the pointer reached another cell, before the card followed it there
      // (its cards are wired to the drag only once it arrives): it goes where onDragOver would
      // have put it, above the card it is over, or where a drop on the cell's empty space goes.
      let arrivedLate = false;
      if (cellId && overCell && overCell !== cellId) {
        arrivedLate = true;
        cells = moveToCell(cells, demandId, cellId, overCell, entryIndex(board, overCell, overId));
        cellId = overCell;
      }
      const cell = cellId ? parseCellId(cellId) : null;
      if (!demand || !cellId || !cell || !over) {
        board.endDrag();
        return;
      }
      const refusal = overCell ? dropRefusal(board, demandId, overCell) : null;
      if (refusal) {
        board.endDrag();
        notify(refusal, { topic: MOVE_NOTICE });
        return;
      }
      let ids = cells[cellId] ?? [];
      const overIndex = ids.indexOf(overId);
      const currentIndex = ids.indexOf(demandId);
      if (!arrivedLate && overIndex >= 0 && overIndex !== currentIndex)
        ids = arrayMove(ids, currentIndex, overIndex);

      const originCell = cellOfDemand(demand);
      const originIds = board.dragSnapshot?.[originCell] ?? [];
      const unchanged = cellId === originCell && ids.indexOf(demandId) === originIds.indexOf(demandId);
      board.endDrag();
      if (unchanged) return;
      void requestMove(demandId, { ...cell, ...neighboursAt(ids, demandId) });
    },
    [stopDragging],
  );

  const onDragCancel = useCallback(() => {
    stopDragging();
    useBoardStore.getState().endDrag();
  }, [stopDragging]);

  return { activeId, collisionDetection, onDragStart, onDragOver, onDragEnd, onDragCancel };
}

type BoardState = ReturnType<typeof useBoardStore.getState>;

/**
 * The cell drawn under the pointer: the topmost element there (the dragged
 * copy lets the pointer through) decides. A gap between cells or the row of a
 * lane's name keeps the cell the pointer just left; a stage header (sticky, it
 * covers the cards scrolling under it) or anything off the board is no cell.
 */
function cellUnderPointer(point: { x: number; y: number }): string | null | "between cells" {
  const element = document.elementFromPoint(point.x, point.y);
  const cell = element?.closest<HTMLElement>("[data-cell]");
  if (cell?.dataset.cell) return cell.dataset.cell;
  if (!element?.closest(".board-grid") || element.closest(".stage-header")) return null;
  return "between cells";
}

/**
 * Where a card entering a cell goes when it is not over one of its cards: never
 * past the shown part of a crowded cell, or it would vanish under the pointer.
 */
function lastShownIndex(board: BoardState, cellId: string): number {
  const target = parseCellId(cellId);
  const doneStage = board.stages.find((stage) => stage.id === target?.stageId)?.kind === "done";
  return dropIndexOnCell(board.cells[cellId]?.length ?? 0, doneStage, board.expandedCells[cellId] ?? false);
}

/**
 * Where a card entering `cellId` over `overId` goes: above that card (below it when
 * `belowOver`), and never past the shown part; over the cell itself, at the end of that part.
 */
function entryIndex(board: BoardState, cellId: string, overId: string, belowOver = false): number {
  const lastShown = lastShownIndex(board, cellId);
  const overIndex = (board.cells[cellId] ?? []).indexOf(overId);
  return overIndex >= 0 ? Math.min(overIndex + (belowOver ? 1 : 0), lastShown) : lastShown;
}
