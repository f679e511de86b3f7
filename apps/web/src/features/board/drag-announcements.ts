import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from "@dnd-kit/core";
import { translate } from "../../i18n/intl";
import { useBoardStore } from "./board-store";
import { findCell, parseCellId } from "./cell-order";
import { dropRefusal } from "./drop-refusal";

export const dragInstructions: ScreenReaderInstructions = {
  get draggable() {
    return translate("drag.instructions");
  },
};

/** A cell in words: "Testing, Standard lane". */
function cellWords(cellId: string): string {
  const board = useBoardStore.getState();
  const cell = parseCellId(cellId);
  const stage = board.stages.find((s) => s.id === cell?.stageId)?.name ?? translate("cell.unknownStage");
  const lane = board.lanes.find((l) => l.id === cell?.laneId)?.name ?? translate("cell.unknownLane");
  return translate("drag.cell", { stage, lane });
}

/** Where a demand is shown right now, in words: "Testing, Standard lane, position 2 of 3". */
function whereIs(demandId: string): string {
  const board = useBoardStore.getState();
  const cellId = findCell(board.cells, demandId);
  if (!cellId) return translate("drag.offBoard");
  const ids = board.cells[cellId] ?? [];
  return translate("drag.position", {
    cell: cellWords(cellId),
    position: ids.indexOf(demandId) + 1,
    count: ids.length,
  });
}

/** The cell under the dragged demand and the sentence its WIP limits refuse it with, if they do. */
function refusalOver(demandId: string, overId: UniqueIdentifier): { cellId: string; refusal: string } | null {
  const board = useBoardStore.getState();
  const cellId = findCell(board.cells, String(overId));
  const refusal = cellId ? dropRefusal(board, demandId, cellId) : null;
  return cellId && refusal ? { cellId, refusal } : null;
}

function keyOf(demandId: string): string {
  return useBoardStore.getState().demands[demandId]?.key ?? translate("drag.theDemand");
}

/** What screen readers hear while a demand is dragged: its key and the stage and lane it is over. */
export const dragAnnouncements: Announcements = {
  onDragStart: ({ active }) =>
    translate("drag.start", { key: keyOf(String(active.id)), where: whereIs(String(active.id)) }),
  // Over itself: nothing new to say (it happens on pick-up and right after changing cells).
  // Over a cell that will refuse it, the card stays where it was: name the cell, and that it is full.
  onDragOver: ({ active, over }) => {
    if (over?.id === active.id) return undefined;
    const key = keyOf(String(active.id));
    if (!over) return translate("drag.notOverCell", { key });
    const refused = refusalOver(String(active.id), over.id);
    if (refused) return translate("drag.overRefusing", { key, cell: cellWords(refused.cellId) });
    return translate("drag.over", { key, where: whereIs(String(active.id)) });
  },
  onDragEnd: ({ active, over }) => {
    const key = keyOf(String(active.id));
    const where = whereIs(String(active.id));
    if (!over) return translate("drag.droppedOutside", { key, where });
    const refused = refusalOver(String(active.id), over.id);
    if (refused) return translate("drag.refused", { refusal: refused.refusal, key, where });
    return translate("drag.dropped", { key, where });
  },
  onDragCancel: ({ active }) =>
    translate("drag.cancelled", { key: keyOf(String(active.id)), where: whereIs(String(active.id)) }),
};
