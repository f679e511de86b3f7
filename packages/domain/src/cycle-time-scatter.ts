import type { CycleTime } from "./cycle-times";
import { durationPercentile } from "./percentile";
import type { EpochMs, Millis } from "./units";

export interface ScatterPoint {
  demandId: string;
  completedAt: EpochMs;
  duration: Millis;
}

export interface CycleTimeScatter {
  /** In order of completion. */
  points: ScatterPoint[];
  /** Nearest-rank percentiles of the points' durations: the chart's horizontal lines. */
  p50: Millis | null;
  p85: Millis | null;
  p95: Millis | null;
}

/**
 * The cycle time scatterplot: one dot per completed demand (completion time
 * across, duration up) and the p50/p85/p95 lines, from any of
 * `deliveryCycleTimes`, `developmentCycleTimes` or `releaseLeadTimes`.
 *
 * Example: durations 3, 1, 8, 2 days: p50 = 2nd smallest = 2 days,
 * p85 = p95 = 4th = 8 days.
 */
export function cycleTimeScatter(cycleTimes: readonly CycleTime[]): CycleTimeScatter {
  const points = cycleTimes
    .map(({ demandId, finishedAt, duration }) => ({ demandId, completedAt: finishedAt, duration }))
    .sort((a, b) => a.completedAt - b.completedAt);
  const sorted = Float64Array.from(points, (point) => point.duration).sort();
  return {
    points,
    p50: durationPercentile(sorted, 50),
    p85: durationPercentile(sorted, 85),
    p95: durationPercentile(sorted, 95),
  };
}
