import { isInProgressStageId, type StageOrder } from "./stage-order";
import type { EpochMs, Millis } from "./units";
import { durationBetween, type TimeBasis } from "./utc-calendar";

/** What a demand's age is read from: where it is and when it passed the commitment point. */
export interface AgedDemand {
  stageId: string;
  committedAt: EpochMs | null;
  archived: boolean;
}

/**
 * Work item age (DESIGN "Metrics"): for a demand in progress (committed,
 * in a stage before delivery, not archived), the time since it first passed
 * the commitment point, in the board's time basis; null for any other
 * demand. The aging chart, the SLE sweep, the cards' SLE badges and the
 * stand-up all read ages through this, so a demand has an age in one place
 * exactly when it has one in every other.
 *
 * Example, 2-1-1 board: committed Monday 09:00, now in Testing, asked on
 * Thursday 09:00 (calendar basis): 3 days. The same demand in Done: null.
 */
export function workItemAge(
  order: StageOrder,
  demand: AgedDemand,
  now: EpochMs,
  basis: TimeBasis = "calendar",
): Millis | null {
  if (demand.committedAt === null || demand.archived || !isInProgressStageId(order, demand.stageId))
    return null;
  return durationBetween(demand.committedAt, now, basis);
}
