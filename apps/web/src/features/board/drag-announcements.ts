import type { Announcements, ScreenReaderInstructions } from "@dnd-kit/core";
import { useBoardStore } from "./board-store";
import { findCell, parseCellId } from "./cell-order";

export const dragInstructions: ScreenReaderInstructions = {
  draggable:
    "To pick up a demand, press Space or Enter. Use the arrow keys to move it to another stage or lane, " +
    "or up and down within a cell. Press Space or Enter again to drop it, or Escape to cancel.",
};

/** Where a demand is shown right now, in words: "Testing, Standard, position 2 of 3". */
function whereIs(demandId: string): string {
  const board = useBoardStore.getState();
  const cellId = findCell(board.cells, demandId);
  const cell = cellId ? parseCellId(cellId) : null;
  if (!cellId || !cell) return "off the board";
  const stage = board.stages.find((s) => s.id === cell.stageId)?.name ?? "an unknown stage";
  const lane = board.lanes.find((l) => l.id === cell.laneId)?.name ?? "an unknown lane";
  const ids = board.cells[cellId] ?? [];
  return `${stage}, ${lane} lane, position ${ids.indexOf(demandId) + 1} of ${ids.length}`;
}

function keyOf(demandId: string): string {
  return useBoardStore.getState().demands[demandId]?.key ?? "The demand";
}

/** What screen readers hear while a demand is dragged: its key and the stage and lane it is over. */
export const dragAnnouncements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${keyOf(String(active.id))} in ${whereIs(String(active.id))}.`,
  // Over itself: nothing new to say (it happens on pick-up and right after changing cells).
  onDragOver: ({ active, over }) =>
    over?.id === active.id
      ? undefined
      : over
        ? `${keyOf(String(active.id))} is over ${whereIs(String(active.id))}.`
        : `${keyOf(String(active.id))} is not over a cell.`,
  onDragEnd: ({ active, over }) =>
    over
      ? `${keyOf(String(active.id))} was dropped in ${whereIs(String(active.id))}.`
      : `${keyOf(String(active.id))} was dropped outside the board and went back to ${whereIs(String(active.id))}.`,
  onDragCancel: ({ active }) =>
    `Moving ${keyOf(String(active.id))} was cancelled. It is back in ${whereIs(String(active.id))}.`,
};
