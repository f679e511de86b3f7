import type { ServiceLevelExpectation } from "../aging-work";
import type { Millis } from "../units";

/** The SLE thresholds a demand in progress can cross, lower first. */
export type ServiceLevelThreshold = "p50" | "p85";

/**
 * The highest SLE threshold a demand's age has passed: `p85` once it is
 * older than 85% of the board's past deliveries took, `p50` once older than
 * half of them, null while younger (or when nothing was delivered to compare
 * with). "Passed" is strictly older, the same reading as the dashboard's
 * aging chart (an age equal to p85 is still within the SLE).
 *
 * Example: p50 5 days, p85 12 days; age 6 days gives `p50`, 13 days `p85`.
 */
export function serviceLevelCrossing(
  age: Millis,
  expectation: ServiceLevelExpectation,
): ServiceLevelThreshold | null {
  if (expectation.p85 !== null && age > expectation.p85) return "p85";
  if (expectation.p50 !== null && age > expectation.p50) return "p50";
  return null;
}
