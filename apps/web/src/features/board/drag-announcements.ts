import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import { useBoardStore } from "./board-store";
import { findCell, parseCellId } from "./cell-order";
import { dropRefusal } from "./drop-refusal";

/** What a full, hard-limited cell says while a card is over it, on screen and to screen readers. */
export const FULL_WILL_REFUSE = "Full: will refuse";

export const dragInstructions: ScreenReaderInstructions = {
  draggable:
    "To pick up a demand, press Space or Enter. Use the arrow keys to move it to another stage or lane, " +
    "or up and down within a cell. Press Space or Enter again to drop it, or Escape to cancel.",
};

/** A cell in words: "Testing, Standard lane". */
function cellWords(cellId: string): string {
  const board = useBoardStore.getState();
  const cell = parseCellId(cellId);
  const stage = board.stages.find((s) => s.id === cell?.stageId)?.name ?? "an unknown stage";
  const lane = board.lanes.find((l) => l.id === cell?.laneId)?.name ?? "an unknown lane";
  return `${stage}, ${lane} lane`;
}

/** Where a demand is shown right now, in words: "Testing, Standard lane, position 2 of 3". */
function whereIs(demandId: string): string {
  const board = useBoardStore.getState();
  const cellId = findCell(board.cells, demandId);
  if (!cellId) return "off the board";
  const ids = board.cells[cellId] ?? [];
  return `${cellWords(cellId)}, position ${ids.indexOf(demandId) + 1} of ${ids.length}`;
}

/** The cell under the dragged demand and the sentence its WIP limits refuse it with, if they do. */
function refusalOver(demandId: string, overId: UniqueIdentifier): { cellId: string; refusal: string } | null {
  const board = useBoardStore.getState();
  const cellId = findCell(board.cells, String(overId));
  const refusal = cellId ? dropRefusal(board, demandId, cellId) : null;
  return cellId && refusal ? { cellId, refusal } : null;
}

function keyOf(demandId: string): string {
  return useBoardStore.getState().demands[demandId]?.key ?? "The demand";
}

/** What screen readers hear while a demand is dragged: its key and the stage and lane it is over. */
export const dragAnnouncements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${keyOf(String(active.id))} in ${whereIs(String(active.id))}.`,
  // Over itself: nothing new to say (it happens on pick-up and right after changing cells).
  // Over a cell that will refuse it, the card stays where it was: name the cell, and that it is full.
  onDragOver: ({ active, over }) => {
    if (over?.id === active.id) return undefined;
    const key = keyOf(String(active.id));
    if (!over) return `${key} is not over a cell.`;
    const refused = refusalOver(String(active.id), over.id);
    if (refused) return `${key} is over ${cellWords(refused.cellId)}. ${FULL_WILL_REFUSE}.`;
    return `${key} is over ${whereIs(String(active.id))}.`;
  },
  onDragEnd: ({ active, over }) => {
    const key = keyOf(String(active.id));
    if (!over) return `${key} was dropped outside the board and went back to ${whereIs(String(active.id))}.`;
    const refused = refusalOver(String(active.id), over.id);
    if (refused) return `Refused: ${refused.refusal} ${key} is back in ${whereIs(String(active.id))}.`;
    return `${key} was dropped in ${whereIs(String(active.id))}.`;
  },
  onDragCancel: ({ active }) =>
    `Moving ${keyOf(String(active.id))} was cancelled. It is back in ${whereIs(String(active.id))}.`,
};
