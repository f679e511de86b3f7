/**
 * Small statistics shared by the benchmark scripts. Percentiles are
 * nearest-rank (DESIGN.md "Metrics"): the p-th percentile of n sorted values
 * is the value at position ceil(p/100 * n).
 */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** The lower median for an even count, so it is always a value that was measured. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

export const round1 = (value: number) => Math.round(value * 10) / 10;

/** Medians, field by field, of the same numeric summary measured in several runs. */
export function medianOf<T extends { [K in keyof T]: number }>(runs: readonly T[]): T {
  const first = runs[0];
  if (!first) throw new Error("no runs to summarise");
  const result: Record<string, number> = {};
  for (const key of Object.keys(first) as (keyof T & string)[]) {
    result[key] = round1(median(runs.map((run) => run[key])));
  }
  return result as T;
}
