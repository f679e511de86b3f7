import type { TDemand, TServiceLevel, TStage } from "@tideway/contracts";
import {
  durationBetween,
  epochMs,
  isInProgressRank,
  type Millis,
  millis,
  orderStages,
  type ServiceLevelThreshold,
  type StageOrder,
  serviceLevelCrossing,
} from "@tideway/domain";

const stageOrders = new WeakMap<readonly TStage[], StageOrder>();

/** The board's stage order, worked out once per stage list rather than once per card. */
function stageOrderOf(stages: readonly TStage[]): StageOrder {
  let order = stageOrders.get(stages);
  if (!order) {
    order = orderStages(stages);
    stageOrders.set(stages, order);
  }
  return order;
}

export interface CardServiceLevel {
  crossed: ServiceLevelThreshold;
  /** From the commitment point to now, in the board's time basis (as on the dashboard). */
  age: Millis;
}

/**
 * Which of the board's p50 / p85 delivery cycle times a card in progress is
 * past (the p85 one is the SLE), or null: not committed, not in progress,
 * archived, no SLE yet, or younger than both. The card's badge and the
 * board's "past SLE" filter both ask this.
 */
export function cardServiceLevel(
  demand: TDemand,
  stages: readonly TStage[],
  level: TServiceLevel | null,
  now: number,
): CardServiceLevel | null {
  if (!level || !demand.committedAt || demand.archivedAt) return null;
  const order = stageOrderOf(stages);
  const rank = order.rankOf.get(demand.stageId);
  if (rank === undefined || !isInProgressRank(order, rank)) return null;
  const age = durationBetween(epochMs(Date.parse(demand.committedAt)), epochMs(now), level.timeBasis);
  const expectation = {
    p50: level.p50 === null ? null : millis(level.p50 * 1000),
    p85: level.p85 === null ? null : millis(level.p85 * 1000),
  };
  const crossed = serviceLevelCrossing(age, expectation);
  return crossed === null ? null : { crossed, age };
}
