import type { DemandFlow, FlowStage } from "../flow-history";
import { orderStages } from "../stage-order";
import { timeInStage } from "../time-in-stage";
import { TWO_ONE_ONE_TARGETS } from "../two-one-one-tiles";
import { DAY, type EpochMs, epochMs, type Millis, millis, WEEK } from "../units";
import type { TimeBasis } from "../utc-calendar";
import { committedRanks } from "./committed-stages";
import { stageMovement } from "./stage-movement";

export const WIP_ADVICE_DEFAULT_WEEKS = 12;

/** Which cycle-time target a stage's share is cut from. */
export type WipTargetGroup = "development" | "delivery";

export interface WipLimitAdvice {
  stageId: string;
  /** Demands that left the stage for a later one, per day of the window. */
  throughputPerDay: number;
  group: WipTargetGroup;
  /** The stage's share of its group's historical time in stage (0..1); null without history. */
  share: number | null;
  /** The time a demand may spend in the stage for the group to meet its target; null without history. */
  targetTime: Millis | null;
  /** Nearest-rank median of the delivered demands' time in the stage; null without history. */
  historicalTime: Millis | null;
  /** ceil(throughput per day x min(target time, historical time) in days), at least 1; null without throughput or history. */
  advisedLimit: number | null;
}

/**
 * WIP limit advice from Little's law (WIP = throughput x time in stage),
 * for each committed stage (commitment point up to delivery), over the
 * `weeks` (default 12) up to `now`. Advice only: nothing applies it.
 *
 * - Throughput: demands that left the stage for a later stage in the
 *   window, divided by the window's days.
 * - Target time in stage: the development stages (development start up to
 *   development end) share the 7-day development target; the other committed
 *   stages share what remains of the 14-day delivery target (14 - 7 = 7
 *   days; all 14 when the board marks no development stages). Within a
 *   group, each stage's share is its part of the group's total time in stage
 *   of the demands delivered in the window (`timeInStage`, scope completed).
 * - Historical time: the median time delivered demands spent in the stage.
 * - Advised limit = ceil(throughput per day x the shorter of the target time
 *   and the historical time, in days), at least 1. A stage is never advised
 *   room for more time than its work historically takes: when Release takes
 *   minutes, Design's share of the delivery target grows to nearly all of it,
 *   but Design's limit still follows the days Design actually needs.
 *
 * Example: over 12 weeks (84 days) 42 demands left Development (0.5 a day);
 * delivered demands spent 30 days in Development and 10 in Testing, so
 * Development's share of the 7 development days is 0.75, 5.25 days; its
 * median stay is 4 days, so its advised limit is ceil(0.5 x 4) = 2.
 */
export function wipLimitAdvice(
  demands: readonly DemandFlow[],
  stages: readonly FlowStage[],
  now: EpochMs,
  options: { weeks?: number; timeBasis?: TimeBasis } = {},
): WipLimitAdvice[] {
  const weeks = options.weeks ?? WIP_ADVICE_DEFAULT_WEEKS;
  const window = { from: epochMs(now - weeks * WEEK), to: now };
  const windowDays = (weeks * WEEK) / DAY;
  const order = orderStages(stages);
  const ranks = committedRanks(order);
  const movement = stageMovement(demands, stages, window);
  const history = timeInStage(demands, stages, { window, scope: "completed", timeBasis: options.timeBasis });
  const totals = new Map(history.map((stage) => [stage.stageId, stage.total as number]));
  const medians = new Map(history.map((stage) => [stage.stageId, stage.median]));
  const { developmentStart, developmentEnd } = order;
  const hasDevelopment =
    developmentStart !== null && developmentEnd !== null && developmentStart < developmentEnd;
  const groupOf = (rank: number): WipTargetGroup =>
    hasDevelopment && rank >= (developmentStart ?? 0) && rank < (developmentEnd ?? 0)
      ? "development"
      : "delivery";
  const groupTarget: Record<WipTargetGroup, number> = {
    development: TWO_ONE_ONE_TARGETS.development,
    delivery: hasDevelopment
      ? TWO_ONE_ONE_TARGETS.delivery - TWO_ONE_ONE_TARGETS.development
      : TWO_ONE_ONE_TARGETS.delivery,
  };
  const groupTotal: Record<WipTargetGroup, number> = { development: 0, delivery: 0 };
  for (const rank of ranks) {
    groupTotal[groupOf(rank)] += totals.get(order.stages[rank]?.id ?? "") ?? 0;
  }

  return ranks.map((rank) => {
    const stageId = order.stages[rank]?.id ?? "";
    const group = groupOf(rank);
    const throughputPerDay = (movement[rank]?.forwardDepartures ?? 0) / windowDays;
    const total = groupTotal[group];
    const share = total > 0 ? (totals.get(stageId) ?? 0) / total : null;
    const targetTime = share === null ? null : millis(groupTarget[group] * share);
    const historicalTime = medians.get(stageId) ?? null;
    const timeInStage =
      targetTime === null || historicalTime === null ? null : Math.min(targetTime, historicalTime);
    // The tolerance keeps a product that is whole on paper (0.5 x 4 days) from rounding up past it.
    const advisedLimit =
      timeInStage === null || throughputPerDay === 0
        ? null
        : Math.max(1, Math.ceil((throughputPerDay * timeInStage) / DAY - 1e-9));
    return { stageId, throughputPerDay, group, share, targetTime, historicalTime, advisedLimit };
  });
}
