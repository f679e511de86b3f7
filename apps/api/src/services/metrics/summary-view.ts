import type { TQuarterMetric } from "@tideway/contracts";
import { type DurationSummary, meetsGoal, toSeconds } from "@tideway/domain";

/** A duration summary as the API sends it: seconds, and whether it meets the 2-1-1 goal. */
export function summaryView(summary: DurationSummary): TQuarterMetric {
  return {
    count: summary.count,
    p50: secondsOrNull(summary.p50),
    p85: secondsOrNull(summary.p85),
    p95: secondsOrNull(summary.p95),
    attainment: summary.attainment,
    target: toSeconds(summary.target),
    goalMet: meetsGoal(summary),
  };
}

export const secondsOrNull = (duration: DurationSummary["p50"]) =>
  duration === null ? null : toSeconds(duration);
