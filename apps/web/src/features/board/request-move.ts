import { ApiError } from "../../api/api-request";
import { translate } from "../../i18n/intl";
import { notify } from "../../ui/notice-stack";
import { useAcceptanceOverride } from "../portfolio/acceptance-override-store";
import { moveDemand } from "./board-api";
import { useBoardLive } from "./board-live-store";
import { useBoardStore } from "./board-store";
import type { Placement } from "./cell-order";
import { unmetFromDetails, useCriteriaDialog } from "./criteria-dialog-store";
import { newIdempotencyKey } from "./idempotency-key";

/** Moves share one notice: a newer refusal replaces the one before. */
export const MOVE_NOTICE = "move";

/**
 * Moves a demand at once on screen and asks the server; a refusal puts the card
 * back and says why, or, for unchecked criteria, opens the checklist, and for a
 * business demand held at the acceptance gate, asks for a reason to pass.
 */
export async function requestMove(
  demandId: string,
  placement: Placement,
  acceptanceOverride?: string,
): Promise<void> {
  const board = useBoardStore.getState();
  const demand = board.demands[demandId];
  if (!demand || board.pendingMoves[demandId]) return;
  board.moveOptimistically(demandId, placement);
  const { beforeId, afterId } = neighboursStillThere(demandId, placement);
  try {
    const result = await moveDemand(demandId, {
      toStageId: placement.stageId,
      toLaneId: placement.laneId,
      beforeId,
      afterId,
      expectedVersion: demand.version,
      idempotencyKey: newIdempotencyKey(),
      acceptanceOverride,
    });
    useBoardStore.getState().settleMove(demandId, result.demand);
  } catch (error) {
    useBoardStore.getState().rollbackMove(demandId);
    if (
      error instanceof ApiError &&
      (error.code === "ENTRY_CRITERIA_UNMET" || error.code === "EXIT_CRITERIA_UNMET")
    ) {
      const unmet = unmetFromDetails(error.details);
      if (unmet) {
        useCriteriaDialog.getState().show({
          demandId,
          placement,
          phase: error.code === "ENTRY_CRITERIA_UNMET" ? "entry" : "exit",
          fromStageId: demand.stageId,
          message: error.message,
          ...unmet,
        });
        return;
      }
    }
    if (error instanceof ApiError && error.code === "CHILDREN_UNDELIVERED") {
      useAcceptanceOverride.getState().show({ demandId, placement, message: error.message });
      return;
    }
    // The server's sentence for a version conflict promises a refreshed board.
    if (error instanceof ApiError && error.code === "VERSION_CONFLICT")
      void useBoardLive.getState().refresh();
    notify(error instanceof ApiError ? error.message : translate("move.failed"), { topic: MOVE_NOTICE });
  }
}

/** Neighbours named in the request must be in the target cell, or the server cannot place the card. */
function neighboursStillThere(
  demandId: string,
  placement: Placement,
): Pick<Placement, "beforeId" | "afterId"> {
  const { demands } = useBoardStore.getState();
  const inTarget = (id: string | undefined) => {
    const neighbour = id ? demands[id] : undefined;
    return (
      !!neighbour &&
      neighbour.id !== demandId &&
      neighbour.stageId === placement.stageId &&
      neighbour.laneId === placement.laneId
    );
  };
  if (inTarget(placement.beforeId)) return { beforeId: placement.beforeId };
  if (inTarget(placement.afterId)) return { afterId: placement.afterId };
  return {};
}
