import { boundaryTimes } from "./boundary-times";
import { type DemandFilter, matchesDemandFilter } from "./demand-filter";
import type { DemandFlow, FlowStage } from "./flow-history";
import { isInWindow, type MetricWindow } from "./metric-window";
import { durationPercentile } from "./percentile";
import { orderStages } from "./stage-order";
import { forEachStageStay } from "./stage-stay";
import { epochMs, type Millis, millis } from "./units";
import { durationBetween, type TimeBasis } from "./utc-calendar";

/**
 * `completed`: the whole history, up to delivery, of the demands delivered
 * in the window. `window`: the time every demand spent inside the window,
 * delivered or not (where work sits right now, including work that never
 * finishes).
 */
export type TimeInStageScope = "completed" | "window";

export interface StageTime {
  stageId: string;
  /** Demands that spent time in the stage. */
  demandCount: number;
  /** Their time in the stage, added up. */
  total: Millis;
  /** Nearest-rank median of each of those demands' time in the stage (repeat visits added up). */
  median: Millis | null;
  /** Nearest-rank p85 of the same times: the tail `whereWorkWaits` reads. */
  p85: Millis | null;
}

export interface TimeInStageOptions {
  window: MetricWindow;
  scope?: TimeInStageScope | undefined;
  filter?: DemandFilter | undefined;
  timeBasis?: TimeBasis | undefined;
}

/**
 * Time in each stage, to show where work stalls: per stage (position
 * order, `done` stages left out since a delivered demand is not stalling),
 * the total and the median time demands spent there, blocked time included.
 * Archived time counts nowhere.
 *
 * Example, scope `completed`: A spent 2 days in Development, went to Testing
 * for 1 day, back to Development for 3 days; B spent 1 day in Development.
 * Development: 2 demands, total 6 days, median of [1, 5] = 1 day.
 */
export function timeInStage(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  options: TimeInStageOptions,
): StageTime[] {
  const order = orderStages(stages);
  const basis = options.timeBasis ?? "calendar";
  const { window } = options;
  const scope = options.scope ?? "completed";
  const stageCount = order.stages.length;
  const perDemand = new Float64Array(stageCount);
  const visited = new Uint8Array(stageCount);
  const timesByStage: Millis[][] = order.stages.map(() => []);

  for (const demand of demands) {
    if (!matchesDemandFilter(demand, options.filter)) continue;
    let from = window.from;
    let until = window.to;
    if (scope === "completed") {
      const { deliveredAt } = boundaryTimes(demand.events, order);
      if (deliveredAt === null || !isInWindow(deliveredAt, window)) continue;
      from = epochMs(Number.NEGATIVE_INFINITY);
      until = deliveredAt;
    }
    perDemand.fill(0);
    visited.fill(0);
    forEachStageStay(demand.events, order, until, (stay) => {
      if (stay.archived || order.kindAt[stay.rank] === "done") return;
      const start = epochMs(Math.max(stay.start, from));
      if (stay.end <= start) return;
      perDemand[stay.rank] = (perDemand[stay.rank] ?? 0) + durationBetween(start, stay.end, basis);
      visited[stay.rank] = 1;
    });
    for (let rank = 0; rank < stageCount; rank++) {
      if (visited[rank] === 1) timesByStage[rank]?.push(millis(perDemand[rank] ?? 0));
    }
  }

  return order.stages.flatMap((stage, rank) => {
    if (stage.kind === "done") return [];
    const times = timesByStage[rank] ?? [];
    const sorted = Float64Array.from(times).sort();
    return [
      {
        stageId: stage.id,
        demandCount: times.length,
        total: millis(times.reduce((sum, time) => sum + time, 0)),
        median: durationPercentile(sorted, 50),
        p85: durationPercentile(sorted, 85),
      },
    ];
  });
}
