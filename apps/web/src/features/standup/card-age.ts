import type { TDemand, TMetrics, TStage } from "@tideway/contracts";
import { epochMs, type Millis, serviceLevelCrossing, workItemAge } from "@tideway/domain";
import { agedDemand, expectationInMillis, stageOrderOf } from "../board/card-service-level";

/**
 * A card's age against the service level expectation (the p85 delivery
 * cycle time): green up to the p50, amber past the p50, red past the p85.
 */
export type AgeStatus = "within-p50" | "past-p50" | "past-sle" | "no-sle" | "not-committed";

export interface CardAge {
  /** Since the commitment point (null: not committed yet). */
  age: Millis | null;
  status: AgeStatus;
}

export interface Expectation {
  p50: Millis | null;
  p85: Millis | null;
  basis: TMetrics["timeBasis"];
}

export const NO_EXPECTATION: Expectation = { p50: null, p85: null, basis: "calendar" };

/** The metrics' SLE (seconds) in the domain's unit. */
export function expectationOf(metrics: TMetrics | null): Expectation {
  if (!metrics) return NO_EXPECTATION;
  return { ...expectationInMillis(metrics.serviceLevelExpectation), basis: metrics.timeBasis };
}

const STATUS_OF_CROSSING = { p85: "past-sle", p50: "past-p50", none: "within-p50" } as const;

/** Work item age (`workItemAge`, as on the dashboard's aging chart and the card's SLE badge) against the SLE. */
export function cardAge(
  demand: TDemand,
  stages: readonly TStage[],
  now: number,
  expectation: Expectation,
): CardAge {
  const age = workItemAge(stageOrderOf(stages), agedDemand(demand), epochMs(now), expectation.basis);
  if (age === null) return { age: null, status: "not-committed" };
  if (expectation.p85 === null) return { age, status: "no-sle" };
  return { age, status: STATUS_OF_CROSSING[serviceLevelCrossing(age, expectation) ?? "none"] };
}
