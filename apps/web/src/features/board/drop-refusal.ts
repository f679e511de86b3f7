import { isInProgressStage, limitsCheckedOnMove, wipVerdict } from "@tideway/domain";
import { translate } from "../../i18n/intl";
import type { useBoardStore } from "./board-store";
import { cellIdOf, parseCellId } from "./cell-order";

type BoardState = ReturnType<typeof useBoardStore.getState>;

/** What a full, hard-limited cell says while a card is over it, on screen and to screen readers. */
export function fullWillRefuse(): string {
  return translate("drag.fullWillRefuse");
}

/**
 * The sentence a drop of `demandId` into `cellId` is refused with by a hard
 * WIP limit, the server's own (the same domain rules), or null when the limits
 * let it in. Counts are the board as it stood before the drag (the card follows
 * the pointer while dragging) and never count the demand itself, so the answer
 * is the same while hovering, at the drop and right after it.
 */
export function dropRefusal(board: BoardState, demandId: string, cellId: string): string | null {
  const demand = board.demands[demandId];
  const target = parseCellId(cellId);
  if (!demand || !target) return null;
  const from = board.stages.find((stage) => stage.id === demand.stageId);
  const to = board.stages.find((stage) => stage.id === target.stageId);
  const toLane = board.lanes.find((lane) => lane.id === target.laneId);
  if (!from || !to || !toLane) return null;
  const cells = board.dragSnapshot ?? board.cells;
  const countOthers = (stageId: string, laneId: string) =>
    (cells[cellIdOf(stageId, laneId)] ?? []).filter((id) => id !== demandId).length;

  const checked = limitsCheckedOnMove(
    { from, to, fromLaneId: demand.laneId, toLaneId: toLane.id },
    board.stages,
  );
  if (checked.stage) {
    const inStage = board.lanes.reduce((sum, lane) => sum + countOthers(to.id, lane.id), 0);
    const verdict = wipVerdict(to, inStage);
    if (verdict.outcome === "refused") return verdict.message;
  }
  if (checked.lane) {
    const inLaneWork = board.stages
      .filter((stage) => isInProgressStage(stage, board.stages))
      .reduce((sum, stage) => sum + countOthers(stage.id, toLane.id), 0);
    const verdict = wipVerdict(toLane, inLaneWork, "lane");
    if (verdict.outcome === "refused") return verdict.message;
  }
  return null;
}
