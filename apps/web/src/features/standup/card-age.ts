import type { TDemand, TMetrics } from "@tideway/contracts";
import { durationBetween, epochMs, type Millis, millis } from "@tideway/domain";

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
  const { p50, p85 } = metrics.serviceLevelExpectation;
  return {
    p50: p50 === null ? null : millis(p50 * 1000),
    p85: p85 === null ? null : millis(p85 * 1000),
    basis: metrics.timeBasis,
  };
}

/** Work item age counts from the commitment point, as the dashboard's aging chart does. */
export function cardAge(demand: TDemand, now: number, expectation: Expectation): CardAge {
  if (demand.committedAt === null) return { age: null, status: "not-committed" };
  const age = durationBetween(epochMs(Date.parse(demand.committedAt)), epochMs(now), expectation.basis);
  if (expectation.p85 === null) return { age, status: "no-sle" };
  if (age > expectation.p85) return { age, status: "past-sle" };
  if (expectation.p50 !== null && age > expectation.p50) return { age, status: "past-p50" };
  return { age, status: "within-p50" };
}
