import { type Millis, millis } from "./units";

/**
 * The p-th percentile by the nearest-rank method: the value at 1-based
 * position ceil(p/100 * n) of the n values sorted ascending; null when there
 * are none. Nearest-rank always answers with a value that was observed (no
 * interpolated "13.4 days" nobody took), and it makes "p85 <= target" and
 * "at least 85% within target" the same statement, which the 2-1-1 tiles
 * rely on.
 *
 * Example: sorted [1, 2, 3, 4, 10] days, p = 85: ceil(0.85 * 5) = 5, so
 * the 85th percentile is 10 days; p = 50: ceil(2.5) = 3, so 3 days.
 */
export function percentile<T extends number>(sortedValues: ArrayLike<T>, p: number): T | null {
  const n = sortedValues.length;
  if (n === 0) return null;
  // p * n is an exact integer for whole p, so the division lands exactly on
  // whole ranks (0.85 * 20 in floating point would not).
  const rank = Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
  return sortedValues[rank - 1] ?? null;
}

/**
 * `percentile` of durations held in a numerically sorted typed array, which
 * sorts without a comparator and several times faster than an array of
 * 100,000 numbers: `durationPercentile(Float64Array.from(durations).sort(), 85)`.
 */
export function durationPercentile(sortedDurations: Float64Array, p: number): Millis | null {
  const value = percentile(sortedDurations, p);
  return value === null ? null : millis(value);
}
