import { DAY, type EpochMs, epochMs } from "./units";

/** A period of time: `from` inclusive, `to` exclusive. */
export interface MetricWindow {
  from: EpochMs;
  to: EpochMs;
}

/** The metrics' default window: the 30 days up to `now` (DESIGN "Metrics"). */
export function defaultMetricWindow(now: EpochMs): MetricWindow {
  return { from: epochMs(now - 30 * DAY), to: now };
}

export function isInWindow(at: EpochMs, window: MetricWindow): boolean {
  return at >= window.from && at < window.to;
}
