import type { TDemand, TServiceLevel, TStage } from "@tideway/contracts";
import {
  type AgedDemand,
  epochMs,
  fromSeconds,
  type Millis,
  orderStages,
  type ServiceLevelExpectation,
  type ServiceLevelThreshold,
  type StageOrder,
  serviceLevelCrossing,
  workItemAge,
} from "@tideway/domain";

const stageOrders = new WeakMap<readonly TStage[], StageOrder>();

/** The board's stage order, worked out once per stage list rather than once per card. */
export function stageOrderOf(stages: readonly TStage[]): StageOrder {
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
  if (!level) return null;
  const age = workItemAge(stageOrderOf(stages), agedDemand(demand), epochMs(now), level.timeBasis);
  if (age === null) return null;
  const crossed = serviceLevelCrossing(age, expectationInMillis(level));
  return crossed === null ? null : { crossed, age };
}

/** The wire's p50 and p85 (seconds) in the domain's unit. */
export function expectationInMillis(level: Pick<TServiceLevel, "p50" | "p85">): ServiceLevelExpectation {
  return {
    p50: level.p50 === null ? null : fromSeconds(level.p50),
    p85: level.p85 === null ? null : fromSeconds(level.p85),
  };
}

/** A demand of the wire in the domain's units, for `workItemAge`. */
export function agedDemand(demand: TDemand): AgedDemand {
  return {
    stageId: demand.stageId,
    committedAt: demand.committedAt === null ? null : epochMs(Date.parse(demand.committedAt)),
    archived: demand.archivedAt !== null,
  };
}
