import type { DemandFilter } from "../demand-filter";
import type { DemandFlow, FlowStage } from "../flow-history";
import type { MetricWindow } from "../metric-window";
import { throughput } from "../throughput";
import { DAY, type EpochMs, epochMs } from "../units";
import { startOfUtcDay } from "../utc-calendar";

export interface DailyThroughputSamples {
  /** The whole UTC days sampled: the `weeks` weeks before today (today is not over yet, so it is left out). */
  window: MetricWindow;
  /** Deliveries on each day of the window, oldest first, zeros included: one entry per day. */
  perDay: number[];
}

/**
 * The forecasts' raw material: how many demands were delivered (entered Done
 * and stayed there, as `throughput` counts them) on each calendar day (UTC) of
 * the last `weeks` weeks before today. Days without a delivery stay in the
 * sample as zeros: they happened, and leaving them out would make the team
 * look faster than it is.
 *
 * Example: weeks = 1 on Wednesday, deliveries last Thursday (2) and Monday (1):
 * perDay = [2, 0, 0, 0, 1, 0, 0] for Thursday..Tuesday.
 */
export function dailyThroughputSamples(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  options: { now: EpochMs; weeks: number; filter?: DemandFilter | undefined },
): DailyThroughputSamples {
  const to = startOfUtcDay(options.now);
  const window = { from: epochMs(to - options.weeks * 7 * DAY), to };
  const buckets = throughput(demands, stages, { window, period: "day", filter: options.filter });
  return { window, perDay: buckets.map((bucket) => bucket.count) };
}
