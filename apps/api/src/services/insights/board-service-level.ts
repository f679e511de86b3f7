import {
  type DemandFlow,
  defaultMetricWindow,
  deliveryCycleTimes,
  type EpochMs,
  type FlowStage,
  type ServiceLevelExpectation,
  summarizeDurations,
  type TimeBasis,
  TWO_ONE_ONE_TARGETS,
} from "@tideway/domain";
import { boardTimeBasis } from "../metrics/board-time-basis";

/**
 * The board's service level expectation as the dashboard shows it by
 * default: p50 and p85 of the delivery cycle times of the last 30 days'
 * deliveries (`defaultMetricWindow`), on the board's time basis, and how
 * many deliveries it rests on (under 10 the views say so: `goalReading`).
 */
export function boardServiceLevel(
  flow: { demands: readonly DemandFlow[]; stages: readonly FlowStage[] },
  settings: unknown,
  now: EpochMs,
): { expectation: ServiceLevelExpectation; timeBasis: TimeBasis; sampleSize: number } {
  const timeBasis = boardTimeBasis(settings);
  const window = defaultMetricWindow(now);
  const durations = deliveryCycleTimes(flow.demands, flow.stages, { window, timeBasis }).map(
    (c) => c.duration,
  );
  const { p50, p85 } = summarizeDurations(durations, TWO_ONE_ONE_TARGETS.delivery);
  return { expectation: { p50, p85 }, timeBasis, sampleSize: durations.length };
}
