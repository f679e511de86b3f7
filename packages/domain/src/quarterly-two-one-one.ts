import { boundaryTimes } from "./boundary-times";
import { deliverySpan, developmentSpan, type FlowSpan, releaseSpan } from "./cycle-times";
import type { DemandFlow, FlowStage } from "./flow-history";
import { orderStages } from "./stage-order";
import { type DurationSummary, summarizeDurations } from "./summarize-durations";
import { TWO_ONE_ONE_TARGETS } from "./two-one-one-tiles";
import { type EpochMs, epochMs, type Millis } from "./units";
import { durationBetween, type TimeBasis } from "./utc-calendar";

/** One calendar quarter (UTC) of the 2-1-1 goal: each metric summarized over what ended in [start, end). */
export interface TwoOneOneQuarter {
  /** e.g. "2026-Q3" */
  label: string;
  start: EpochMs;
  end: EpochMs;
  /** The quarter `now` falls in: still running, so its figures can change. */
  partial: boolean;
  delivery: DurationSummary;
  development: DurationSummary;
  release: DurationSummary;
}

export interface QuarterlyTwoOneOne {
  /** The whole board: the team's value stream. Oldest quarter first. */
  board: TwoOneOneQuarter[];
  /** The same quarters for the demands in each swim lane (the lane a demand is in now). */
  lanes: { laneId: string; quarters: TwoOneOneQuarter[] }[];
}

/**
 * The 2-1-1 trend over calendar quarters: for every quarter from the first
 * one in which any metric ended up to the quarter of `now`, the count, p50,
 * p85, p95 and attainment of delivery cycle time (target 14 days),
 * development cycle time (7 days) and release lead time (60 minutes), each
 * selecting demands by its own end event exactly as the dashboard's tiles do
 * for a window. A quarter meets a goal when its p85 is within the target.
 *
 * Quarters with nothing finished are kept (count 0, percentiles null) so
 * that a gap in the team's delivery shows in the trend instead of vanishing.
 *
 * Example: delivered after 10 days in February and after 20 days in May of
 * 2026: 2026-Q1 delivery p85 10 d, attainment 1; 2026-Q2 p85 20 d, attainment 0.
 */
export function quarterlyTwoOneOne(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  options: { now: EpochMs; timeBasis?: TimeBasis | undefined },
): QuarterlyTwoOneOne {
  const order = orderStages(stages);
  const basis = options.timeBasis ?? "calendar";
  const lastQuarter = quarterNumber(options.now);
  const gathered = new Map<string, Gathered>();
  const board = new Gathered();
  let firstQuarter = lastQuarter;

  const gather = (into: Gathered[], metric: Metric, found: FlowSpan | null): void => {
    if (found === null || found.finishedAt > options.now) return;
    const quarter = quarterNumber(found.finishedAt);
    firstQuarter = Math.min(firstQuarter, quarter);
    const duration = durationBetween(found.startedAt, found.finishedAt, basis);
    for (const group of into) group.add(metric, quarter, duration);
  };
  for (const demand of demands) {
    let lane = gathered.get(demand.laneId);
    if (!lane) {
      lane = new Gathered();
      gathered.set(demand.laneId, lane);
    }
    const times = boundaryTimes(demand.events, order);
    const groups = [board, lane];
    gather(groups, "delivery", deliverySpan(times));
    gather(groups, "development", developmentSpan(times));
    gather(groups, "release", releaseSpan(times, demand.code));
  }

  const quarters = (group: Gathered): TwoOneOneQuarter[] => {
    const rows: TwoOneOneQuarter[] = [];
    for (let quarter = firstQuarter; quarter <= lastQuarter; quarter++) {
      const summary = (metric: Metric) =>
        summarizeDurations(group.durations(metric, quarter), TWO_ONE_ONE_TARGETS[metric]);
      rows.push({
        label: `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`,
        start: quarterStart(quarter),
        end: quarterStart(quarter + 1),
        partial: quarter === lastQuarter,
        delivery: summary("delivery"),
        development: summary("development"),
        release: summary("release"),
      });
    }
    return rows;
  };
  return {
    board: quarters(board),
    lanes: [...gathered].map(([laneId, group]) => ({ laneId, quarters: quarters(group) })),
  };
}

type Metric = keyof typeof TWO_ONE_ONE_TARGETS;

/** Durations by metric and quarter number. */
class Gathered {
  private readonly byKey = new Map<string, Millis[]>();

  add(metric: Metric, quarter: number, duration: Millis): void {
    const key = `${metric}:${quarter}`;
    const list = this.byKey.get(key);
    if (list) list.push(duration);
    else this.byKey.set(key, [duration]);
  }

  durations(metric: Metric, quarter: number): Millis[] {
    return this.byKey.get(`${metric}:${quarter}`) ?? [];
  }
}

/** Quarters counted from year 0: year * 4 + (0..3), so consecutive quarters are consecutive numbers. */
function quarterNumber(at: EpochMs): number {
  const date = new Date(at);
  return date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3);
}

function quarterStart(quarter: number): EpochMs {
  return epochMs(Date.UTC(Math.floor(quarter / 4), (quarter % 4) * 3, 1));
}
