import { boundaryTimes } from "./boundary-times";
import {
  type CycleTimeOptions,
  deliverySpan,
  developmentSpan,
  type FlowSpan,
  releaseSpan,
} from "./cycle-times";
import { matchesDemandFilter } from "./demand-filter";
import type { DemandFlow, FlowStage } from "./flow-history";
import { orderStages } from "./stage-order";
import { type DurationSummary, summarizeDurations } from "./summarize-durations";
import { days, type EpochMs, epochMs, type Millis, minutes, WEEK } from "./units";
import { durationBetween, type TimeBasis } from "./utc-calendar";

/** The 2-1-1 goal: 85% delivered within 2 weeks, developed within 1 week, released within 1 hour. */
export const TWO_ONE_ONE_TARGETS = {
  delivery: days(14),
  development: days(7),
  release: minutes(60),
} as const satisfies Record<string, Millis>;

export const TREND_WEEKS = 12;

/** One week of a tile's trend: the metric's p85 and attainment for what ended in [start, end). */
export interface TrendWeek {
  start: EpochMs;
  end: EpochMs;
  count: number;
  p85: Millis | null;
  attainment: number | null;
}

export interface TwoOneOneTile extends DurationSummary {
  /** Oldest week first; the last week ends at the window's `to`. */
  trend: TrendWeek[];
}

export interface TwoOneOneTiles {
  delivery: TwoOneOneTile;
  development: TwoOneOneTile;
  release: TwoOneOneTile;
}

/**
 * The dashboard's three tiles: delivery cycle time against 14 days,
 * development cycle time against 7 days and release lead time against 60
 * minutes, each summarized over the window (selected by the metric's own end
 * event) with a 12-week trend of p85 and attainment ending at the window's
 * `to`. A tile meets its goal when p85 <= target, equivalently attainment >= 0.85.
 *
 * One replay of each demand's history serves all three metrics, so this is
 * one pass over the events plus a sort per summary.
 *
 * Example: two demands delivered in the window after 10 and 20 days give the
 * delivery tile count 2, p50 10 d, p85 20 d, attainment 0.5: goal missed.
 */
export function twoOneOneTiles(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  options: CycleTimeOptions,
): TwoOneOneTiles {
  return twoOneOneTilesAcross([{ demands, stages, timeBasis: options.timeBasis }], options);
}

/** One board's part of a union: its demands, read against its own stages and time basis. */
export interface BoardFlowPart {
  demands: readonly DemandFlow[];
  stages: readonly FlowStage[];
  timeBasis?: TimeBasis | undefined;
}

/**
 * The 2-1-1 tiles over the union of several boards' demands (a portfolio's
 * team boards): each demand's duration is measured on its own board (its
 * stages, its time basis), then every duration goes into one set, so the
 * percentiles are nearest-rank over all of them, never an average of the
 * boards' percentiles (DESIGN "Metrics", across teams). `options.timeBasis`
 * is not read; each part brings its own.
 *
 * Example: team A delivers after 1, 2, 3 and 10 days, team B after 4, 5
 * and 6 days. A's p85 is 10 d and B's is 6 d (their mean: 8 d), but over
 * the union [1, 2, 3, 4, 5, 6, 10] the p85 is the value at rank
 * ceil(0.85 * 7) = 6: 6 days.
 */
export function twoOneOneTilesAcross(
  parts: readonly BoardFlowPart[],
  options: Pick<CycleTimeOptions, "window" | "filter">,
): TwoOneOneTiles {
  const { from, to } = options.window;
  const trendFrom = to - TREND_WEEKS * WEEK;
  const delivery = new Gathered();
  const development = new Gathered();
  const release = new Gathered();

  for (const part of parts) {
    const order = orderStages(part.stages);
    const basis = part.timeBasis ?? "calendar";
    // Each duration goes straight into the window and/or its trend week: no second pass over what was gathered.
    const gather = (into: Gathered, found: FlowSpan | null): void => {
      if (found === null) return;
      const { startedAt, finishedAt } = found;
      const inWindow = finishedAt >= from && finishedAt < to;
      const week = Math.floor((finishedAt - trendFrom) / WEEK);
      const inTrend = week >= 0 && week < TREND_WEEKS;
      if (!inWindow && !inTrend) return;
      const duration = durationBetween(startedAt, finishedAt, basis);
      if (inWindow) into.window.push(duration);
      if (inTrend) into.weeks[week]?.push(duration);
    };
    for (const demand of part.demands) {
      if (!matchesDemandFilter(demand, options.filter)) continue;
      const times = boundaryTimes(demand.events, order);
      gather(delivery, deliverySpan(times));
      gather(development, developmentSpan(times));
      gather(release, releaseSpan(times, demand.code));
    }
  }

  const tile = (gathered: Gathered, target: Millis): TwoOneOneTile => ({
    ...summarizeDurations(gathered.window, target),
    trend: gathered.weeks.map((durations, week) => {
      const start = epochMs(trendFrom + week * WEEK);
      const { count, p85, attainment } = summarizeDurations(durations, target);
      return { start, end: epochMs(start + WEEK), count, p85, attainment };
    }),
  });
  return {
    delivery: tile(delivery, TWO_ONE_ONE_TARGETS.delivery),
    development: tile(development, TWO_ONE_ONE_TARGETS.development),
    release: tile(release, TWO_ONE_ONE_TARGETS.release),
  };
}

/** One metric's durations: those that ended in the window, and those that ended in each trend week. */
class Gathered {
  readonly window: Millis[] = [];
  readonly weeks: Millis[][] = Array.from({ length: TREND_WEEKS }, () => []);
}
