import type { DemandFlow, FlowStage } from "../flow-history";
import { isInWindow, type MetricWindow } from "../metric-window";
import { orderStages } from "../stage-order";

/** What entered and left one stage during a window. */
export interface StageMovement {
  stageId: string;
  /** Entries: created in the stage, moved into it from another stage, or restored from the archive in it. */
  arrivals: number;
  /** Exits: moved to another stage (either direction) or archived while in it. */
  departures: number;
  /** Exits to a later stage only: the stage's throughput. */
  forwardDepartures: number;
}

/**
 * Arrivals and departures per stage (position order, every stage) during
 * `window` (`from` inclusive, `to` exclusive), read from each demand's
 * history. Events outside the window still place the demand, so a move in
 * the window from a stage entered before it is a departure from that stage.
 * Blocking and unblocking move nothing.
 *
 * Example: A created in Design on day 0, to Development day 3, back to
 * Design day 5; window [day 2, day 10): Design 1 departure (day 3, forward)
 * and 1 arrival (day 5; the creation on day 0 is before the window);
 * Development 1 arrival and 1 departure (backward, so not forward).
 */
export function stageMovement(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  window: MetricWindow,
): StageMovement[] {
  const order = orderStages(stages);
  const movement = order.stages.map((stage) => ({
    stageId: stage.id,
    arrivals: 0,
    departures: 0,
    forwardDepartures: 0,
  }));
  for (const demand of demands) {
    let rank = -1;
    let archived = false;
    for (const event of demand.events) {
      if (event.at >= window.to) break;
      const counted = isInWindow(event.at, window);
      const to = order.rankOf.get(event.toStageId) ?? rank;
      if (event.kind === "archived" || event.kind === "restored") {
        const nowArchived = event.kind === "archived";
        const stage = movement[to];
        if (counted && stage && nowArchived !== archived) {
          if (nowArchived) stage.departures++;
          else stage.arrivals++;
        }
        archived = nowArchived;
        rank = to;
        continue;
      }
      if (to === rank) continue;
      if (counted && !archived) {
        const from = movement[rank];
        if (from) {
          from.departures++;
          if (to > rank) from.forwardDepartures++;
        }
        const into = movement[to];
        if (into) into.arrivals++;
      }
      rank = to;
    }
  }
  return movement;
}
