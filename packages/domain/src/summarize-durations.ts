import { durationPercentile } from "./percentile";
import type { Millis } from "./units";

/** What a 2-1-1 tile shows for one metric. */
export interface DurationSummary {
  count: number;
  p50: Millis | null;
  p85: Millis | null;
  p95: Millis | null;
  /** Share of durations at or below `target`, 0..1; null when there are none. */
  attainment: number | null;
  target: Millis;
}

/**
 * Count, nearest-rank p50/p85/p95 and attainment (the share at or below the
 * target) of a set of durations, in any order.
 *
 * Example: [1, 2, 3, 4, 10] days against a 7-day target: count 5, p50 3 d,
 * p85 10 d, p95 10 d, attainment 4/5 = 0.8; the goal "85% within 7 days" is
 * missed both ways: p85 > 7 d and attainment < 0.85.
 */
export function summarizeDurations(values: readonly Millis[], target: Millis): DurationSummary {
  const sorted = Float64Array.from(values).sort();
  let withinTarget = 0;
  for (const value of values) if (value <= target) withinTarget++;
  const count = values.length;
  return {
    count,
    p50: durationPercentile(sorted, 50),
    p85: durationPercentile(sorted, 85),
    p95: durationPercentile(sorted, 95),
    attainment: count === 0 ? null : withinTarget / count,
    target,
  };
}

/** The 2-1-1 goal: 85% of durations within the target (equivalently, p85 <= target). */
const GOAL_ATTAINMENT = 0.85;

/** Whether a summary meets the 2-1-1 goal; null when there is nothing to judge. */
export function meetsGoal(summary: DurationSummary): boolean | null {
  return summary.attainment === null ? null : summary.attainment >= GOAL_ATTAINMENT;
}
