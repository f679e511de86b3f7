import { boundaryTimes } from "./boundary-times";
import { type DemandFilter, matchesDemandFilter } from "./demand-filter";
import type { DemandFlow, FlowStage } from "./flow-history";
import { isInWindow, type MetricWindow } from "./metric-window";
import { orderStages } from "./stage-order";
import { DAY, type EpochMs, epochMs, WEEK } from "./units";
import { startOfUtcDay, startOfUtcWeek } from "./utc-calendar";

/** Days start 00:00 UTC, weeks Monday 00:00 UTC. */
export type ThroughputPeriod = "day" | "week";

/** Deliveries in [start, end): a whole day or week, except where the window cuts the first or last one. */
export interface ThroughputBucket {
  start: EpochMs;
  end: EpochMs;
  count: number;
}

export interface ThroughputOptions {
  window: MetricWindow;
  period: ThroughputPeriod;
  filter?: DemandFilter | undefined;
}

/**
 * Throughput: how many demands were delivered (last entry into Done, still
 * there) per day or week of the window, with empty periods as zeros so the
 * series can be charted and sampled for forecasts as it is.
 *
 * Example: window Wednesday 00:00 to the next Wednesday 00:00, by week, with
 * deliveries on Thursday, Friday and Monday: [Wed-Mon 00:00] 2, [Mon-Wed] 1.
 */
export function throughput(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  options: ThroughputOptions,
): ThroughputBucket[] {
  const { window, period } = options;
  if (window.to <= window.from) return [];
  const length = period === "day" ? DAY : WEEK;
  const first = period === "day" ? startOfUtcDay(window.from) : startOfUtcWeek(window.from);
  const buckets: ThroughputBucket[] = [];
  for (let start = first; start < window.to; start = epochMs(start + length)) {
    buckets.push({
      start: epochMs(Math.max(start, window.from)),
      end: epochMs(Math.min(start + length, window.to)),
      count: 0,
    });
  }

  const order = orderStages(stages);
  for (const demand of demands) {
    if (!matchesDemandFilter(demand, options.filter)) continue;
    const { deliveredAt } = boundaryTimes(demand.events, order);
    if (deliveredAt === null || !isInWindow(deliveredAt, window)) continue;
    const bucket = buckets[Math.floor((deliveredAt - first) / length)];
    if (bucket !== undefined) bucket.count++;
  }
  return buckets;
}
