import type { DemandFlow, FlowStage } from "../flow-history";
import { durationPercentile } from "../percentile";
import { orderStages } from "../stage-order";
import { forEachStageStay } from "../stage-stay";
import { DAY, type EpochMs, epochMs, type Millis, millis } from "../units";
import { durationBetween, type TimeBasis } from "../utc-calendar";
import { committedRanks } from "./committed-stages";
import { stageMovement } from "./stage-movement";
import { whereWorkWaits } from "./where-work-waits";

export const STUCK_FLOW_WINDOW_DAYS = 14;

/** One committed stage's evidence over the window. */
export interface StuckFlowStage {
  stageId: string;
  /** Demands whose time in the stage overlapped the window. */
  demandCount: number;
  /** Of those, the ones still in the stage at `now` (not archived). */
  stillThere: number;
  /** Nearest-rank median and p85 of those demands' time in the stage. */
  medianTime: Millis | null;
  p85Time: Millis | null;
  arrivals: number;
  departures: number;
  /** (arrivals - departures) / window days: how fast the stage's queue grew. */
  netGrowthPerDay: number;
}

export interface StuckFlow {
  from: EpochMs;
  to: EpochMs;
  stages: StuckFlowStage[];
  /** `whereWorkWaits` over the stages: highest p85 time in stage (median breaks ties); null when no demand was in any. */
  longestWait: string | null;
  /** The stage whose queue grew fastest; null when none grew. */
  fastestGrowingQueue: string | null;
}

/**
 * Where flow is stuck over the `windowDays` (default 14) up to `now`, among
 * the committed stages (commitment point up to delivery).
 *
 * Waiting time: a demand counts in a stage when one of its visits to the
 * stage overlapped the window (ended in it or still running at `now`); its
 * time there is the whole of those visits, measured from entering the stage
 * to leaving it (or to `now`), so a card sitting for a month shows a month,
 * not two weeks. Repeat visits add up; blocked time counts; archived time
 * does not. The longest wait is `whereWorkWaits` over those times (highest
 * p85, median breaking ties), the definition every panel uses.
 *
 * Queue growth: arrivals minus departures in the window (see
 * `stageMovement`), per day. The fastest-growing queue is the stage with
 * the highest positive growth.
 *
 * Example: window [day 0, day 14), now day 14. Testing: A there from day -6
 * to day 4 (10 days), B from day 10 until now (4 days): 2 demands, median
 * 4 days, p85 10 days, 1 still there, 1 arrival, 1 departure, growth 0/day.
 */
export function stuckFlow(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  now: EpochMs,
  options: { windowDays?: number; timeBasis?: TimeBasis } = {},
): StuckFlow {
  const windowDays = options.windowDays ?? STUCK_FLOW_WINDOW_DAYS;
  const basis = options.timeBasis ?? "calendar";
  const from = epochMs(now - windowDays * DAY);
  const order = orderStages(stages);
  const ranks = committedRanks(order);
  const inScope = new Set(ranks);
  const timesByRank: Millis[][] = order.stages.map(() => []);
  const stillThereByRank = order.stages.map(() => 0);
  const perDemand = new Map<number, number>();

  for (const demand of demands) {
    perDemand.clear();
    // Consecutive stays in one stage (split by blocking) make one visit.
    let visit: { rank: number; start: EpochMs; end: EpochMs } | null = null;
    const close = () => {
      if (visit === null || visit.end <= from || !inScope.has(visit.rank)) return;
      const time = durationBetween(visit.start, visit.end, basis);
      perDemand.set(visit.rank, (perDemand.get(visit.rank) ?? 0) + time);
    };
    let lastStay: { rank: number; end: EpochMs; archived: boolean } | null = null;
    forEachStageStay(demand.events, order, now, (stay) => {
      lastStay = stay;
      if (stay.archived) {
        close();
        visit = null;
        return;
      }
      if (visit !== null && visit.rank === stay.rank && visit.end === stay.start) {
        visit.end = stay.end;
        return;
      }
      close();
      visit = { rank: stay.rank, start: stay.start, end: stay.end };
    });
    close();
    for (const [rank, time] of perDemand) timesByRank[rank]?.push(millis(time));
    const last = lastStay as { rank: number; end: EpochMs; archived: boolean } | null;
    if (last !== null && last.end === now && !last.archived && inScope.has(last.rank)) {
      stillThereByRank[last.rank] = (stillThereByRank[last.rank] ?? 0) + 1;
    }
  }

  const movement = stageMovement(demands, stages, { from, to: now });
  const result: StuckFlowStage[] = ranks.map((rank) => {
    const sorted = Float64Array.from(timesByRank[rank] ?? []).sort();
    const moved = movement[rank];
    const arrivals = moved?.arrivals ?? 0;
    const departures = moved?.departures ?? 0;
    return {
      stageId: order.stages[rank]?.id ?? "",
      demandCount: sorted.length,
      stillThere: stillThereByRank[rank] ?? 0,
      medianTime: durationPercentile(sorted, 50),
      p85Time: durationPercentile(sorted, 85),
      arrivals,
      departures,
      netGrowthPerDay: (arrivals - departures) / windowDays,
    };
  });

  let fastestGrowingQueue: StuckFlowStage | null = null;
  for (const stage of result) {
    if (stage.netGrowthPerDay > 0 && stage.netGrowthPerDay > (fastestGrowingQueue?.netGrowthPerDay ?? 0)) {
      fastestGrowingQueue = stage;
    }
  }
  return {
    from,
    to: now,
    stages: result,
    longestWait: whereWorkWaits(result, order),
    fastestGrowingQueue: fastestGrowingQueue?.stageId ?? null,
  };
}
