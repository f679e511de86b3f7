import { type DemandFilter, matchesDemandFilter } from "./demand-filter";
import type { DemandFlow, FlowStage } from "./flow-history";
import type { MetricWindow } from "./metric-window";
import { orderStages } from "./stage-order";
import { DAY, type EpochMs, epochMs } from "./units";
import { startOfUtcDay } from "./utc-calendar";

export interface CumulativeFlowStage {
  stageId: string;
  /** Per day: demands that reached this stage or a later one (the chart's line). */
  reached: number[];
  /** Per day: demands whose furthest stage is this one (the band under the line). */
  band: number[];
}

export interface CumulativeFlow {
  /** Start (00:00 UTC) of each day, from the day of `from` to the day before `to`. */
  days: EpochMs[];
  /** Per day: demands counted at all, the sum of the bands. */
  onBoard: number[];
  /** In position order. */
  stages: CumulativeFlowStage[];
}

export interface CumulativeFlowOptions {
  window: MetricWindow;
  filter?: DemandFilter | undefined;
}

/**
 * Cumulative flow: for each UTC day and each stage, the number of demands
 * that have reached that stage or a later one by the end of the day (or by
 * the window's `to`, when the last day is cut short). Days start at 00:00 UTC.
 *
 * A demand counts at the furthest stage it ever reached, even after being
 * moved back for rework, so every line only rises and no two lines cross;
 * a band's height (one line minus the next) is what sits in that stage.
 * The chart must say so where users see it, since rework then shows in
 * cycle times, not in the bands.
 *
 * Archived demands: a demand archived before delivery (abandoned work) drops
 * out of every line from the day it was archived, and comes back if restored;
 * that is the only way a line falls. A demand archived once delivered (the
 * Done column tidied up) keeps counting as delivered, so archiving never
 * erases throughput from the chart.
 *
 * Each demand's history is read once into step changes of its furthest
 * stage, then one prefix sum over days and stages builds the chart:
 * O(events + days x stages).
 *
 * Example, stages Backlog, Doing, Done and a window of days 1..3: A created
 * day 1 in Backlog, moved to Doing day 2; B created in Doing day 2, moved
 * to Done day 3 and back to Doing the same day. Lines: Backlog 1, 2, 2;
 * Doing 0, 2, 2; Done 0, 0, 1 (B counts at Done, its furthest stage).
 * Bands on day 3: Backlog 0, Doing 1, Done 1.
 */
export function cumulativeFlow(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  options: CumulativeFlowOptions,
): CumulativeFlow {
  const order = orderStages(stages);
  const stageCount = order.stages.length;
  const { from, to } = options.window;
  const firstDay = startOfUtcDay(from);
  const dayCount = to > from ? Math.floor((to - 1 - firstDay) / DAY) + 1 : 0;
  // bandChanges[day * stageCount + rank]: change on that day in the number of demands whose furthest stage is `rank`.
  const bandChanges = new Int32Array(dayCount * stageCount);
  const change = (at: EpochMs, rank: number, by: number): void => {
    const index = Math.max(0, Math.floor((at - firstDay) / DAY)) * stageCount + rank;
    bandChanges[index] = (bandChanges[index] ?? 0) + by;
  };
  const delivered = order.delivered;

  for (const demand of dayCount === 0 ? [] : demands) {
    if (!matchesDemandFilter(demand, options.filter)) continue;
    let rank = -1;
    let furthest = -1;
    let abandoned = false;
    // The band this demand is currently added to, -1 for none.
    let countedAt = -1;
    for (const event of demand.events) {
      if (event.at >= to) break;
      const entered = order.rankOf.get(event.toStageId);
      if (entered !== undefined) {
        rank = entered;
        furthest = Math.max(furthest, entered);
      }
      if (event.kind === "archived" && (delivered === null || rank < delivered)) abandoned = true;
      else if (event.kind === "restored") abandoned = false;
      const countAt = abandoned ? -1 : furthest;
      if (countAt !== countedAt) {
        if (countedAt !== -1) change(event.at, countedAt, -1);
        if (countAt !== -1) change(event.at, countAt, 1);
        countedAt = countAt;
      }
    }
  }

  const flow: CumulativeFlow = {
    days: Array.from({ length: dayCount }, (_, day) => epochMs(firstDay + day * DAY)),
    onBoard: new Array<number>(dayCount).fill(0),
    stages: order.stages.map((stage) => ({
      stageId: stage.id,
      reached: new Array<number>(dayCount).fill(0),
      band: new Array<number>(dayCount).fill(0),
    })),
  };
  const band = new Int32Array(stageCount);
  for (let day = 0; day < dayCount; day++) {
    let reached = 0;
    for (let rank = stageCount - 1; rank >= 0; rank--) {
      const height = (band[rank] ?? 0) + (bandChanges[day * stageCount + rank] ?? 0);
      band[rank] = height;
      reached += height;
      const line = flow.stages[rank];
      if (line !== undefined) {
        line.band[day] = height;
        line.reached[day] = reached;
      }
    }
    flow.onBoard[day] = reached;
  }
  return flow;
}
