import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOARD, day, generatedDemands } from "../flow-fixture";
import { dailyThroughputSamples } from "./daily-throughput-samples";
import {
  FORECAST_CONFIDENCES,
  type ForecastConfidence,
  forecastHowMany,
  forecastWhen,
  type HowManyForecast,
  type WhenForecast,
} from "./monte-carlo-forecast";

/**
 * The simulation is checked against the exact distributions it estimates,
 * computed here by a different route (convolution instead of sampling):
 * - "how many in D days" adds D days drawn independently from the sampled
 *   days, so the total's distribution is the D-fold convolution of the
 *   empirical daily distribution;
 * - "when are N done" is the first day d whose running total reaches N.
 *   Daily counts are never negative, so the running total only grows and
 *   P(done within d days) = P(total of d days >= N).
 *
 * Tolerances come from the trial count n. A frequency estimated from n
 * independent trials has standard deviation sqrt(p(1 - p) / n), at most
 * 0.005 for n = 10,000. Each histogram bar must lie within 4.5 of those
 * standard deviations of the exact probability (plus 1e-3 for bars whose
 * exact probability is nearly 0), and each answer at confidence c must be a
 * value whose exact probability of being reached lies within 4 standard
 * deviations of c: the simulation may land one value off only where the exact
 * distribution sits that close to the confidence level. With the seed fixed
 * the check is deterministic; the bounds say why it passes for any seed with
 * overwhelming probability.
 */

const TRIALS = 10_000;
const NOW = day(100);
const PER_DAY = dailyThroughputSamples(generatedDemands(600), BOARD, { now: NOW, weeks: 8 }).perDay;

/** The empirical daily distribution: probability of each daily count. */
function dailyDistribution(perDay: readonly number[]): number[] {
  const probabilities = new Array<number>(Math.max(...perDay) + 1).fill(0);
  for (const count of perDay) probabilities[count] = (probabilities[count] ?? 0) + 1 / perDay.length;
  return probabilities;
}

function convolve(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  a.forEach((pa, i) => {
    b.forEach((pb, j) => {
      out[i + j] = (out[i + j] ?? 0) + pa * pb;
    });
  });
  return out;
}

/** Exact distribution of the total of `days` independent days. */
function exactTotals(perDay: readonly number[], days: number): number[] {
  const daily = dailyDistribution(perDay);
  let total = [1];
  for (let d = 0; d < days; d++) total = convolve(total, daily);
  return total;
}

/** P(X >= k) for each k. */
function atLeastProbabilities(distribution: readonly number[]): number[] {
  const tail = new Array<number>(distribution.length + 1).fill(0);
  for (let k = distribution.length - 1; k >= 0; k--) tail[k] = (tail[k + 1] ?? 0) + (distribution[k] ?? 0);
  return tail;
}

/** Exact distribution of the first day on which the running total reaches `remaining` (index = day). */
function exactFirstPassage(perDay: readonly number[], remaining: number): number[] {
  const daily = dailyDistribution(perDay);
  const passage = [0];
  let total = [1];
  let doneBefore = 0;
  for (let d = 1; doneBefore < 1 - 1e-12; d++) {
    total = convolve(total, daily);
    const doneBy = atLeastProbabilities(total)[remaining] ?? 0;
    passage[d] = doneBy - doneBefore;
    doneBefore = doneBy;
  }
  return passage;
}

const sigma = (p: number) => Math.sqrt((p * (1 - p)) / TRIALS);

function expectHistogramMatches(
  histogram: { value: number; trials: number }[],
  exact: readonly number[],
): void {
  const simulated = new Map(histogram.map((bar) => [bar.value, bar.trials / TRIALS]));
  let worst = 0;
  exact.forEach((probability, value) => {
    const gap = Math.abs((simulated.get(value) ?? 0) - probability);
    worst = Math.max(worst, gap / (4.5 * sigma(probability) + 1e-3));
  });
  for (const bar of histogram) if (bar.trials > 0) expect(exact[bar.value] ?? 0).toBeGreaterThan(0);
  expect(worst).toBeLessThanOrEqual(1);
}

describe("forecastHowMany against the exact convolution", () => {
  it("samples a fixture with varied daily throughput", () => {
    expect(PER_DAY).toHaveLength(56);
    expect(new Set(PER_DAY).size).toBeGreaterThanOrEqual(4);
  });

  for (const days of [1, 7, 30]) {
    it(`matches the exact distribution of ${days} day(s) in histogram and in the 50/85/95% answers`, () => {
      const forecast = forecastHowMany(PER_DAY, days, { trials: TRIALS, seed: 42 }) as HowManyForecast;
      const exact = exactTotals(PER_DAY, days);
      expectHistogramMatches(forecast.histogram, exact);
      const reached = atLeastProbabilities(exact);
      for (const confidence of FORECAST_CONFIDENCES) {
        const level = confidence / 100;
        const answer = forecast.atLeast[confidence];
        // Reached with (nearly) the confidence asked for, and one more is (nearly) not.
        expect(reached[answer]).toBeGreaterThanOrEqual(level - 4 * sigma(level));
        expect(reached[answer + 1] ?? 0).toBeLessThan(level + 4 * sigma(level));
      }
    });
  }

  it("reads the 85% answer as the 15th percentile: reached in at least 85% of the trials", () => {
    const forecast = forecastHowMany(PER_DAY, 14, { trials: TRIALS, seed: 7 }) as HowManyForecast;
    const reachedIn = (count: number) =>
      forecast.histogram.filter((bar) => bar.value >= count).reduce((sum, bar) => sum + bar.trials, 0);
    expect(reachedIn(forecast.atLeast[85])).toBeGreaterThanOrEqual(0.85 * TRIALS);
    expect(reachedIn(forecast.atLeast[85] + 1)).toBeLessThan(0.85 * TRIALS);
    expect(forecast.atLeast[95]).toBeLessThan(forecast.atLeast[50]);
  });
});

describe("forecastWhen against the exact first-passage distribution", () => {
  for (const remaining of [1, 10, 40]) {
    it(`matches the exact distribution of the days to finish ${remaining}`, () => {
      const forecast = forecastWhen(PER_DAY, remaining, { trials: TRIALS, seed: 42 }) as WhenForecast;
      const exact = exactFirstPassage(PER_DAY, remaining);
      expectHistogramMatches(forecast.histogram, exact);
      expect(forecast.beyondHorizon).toBe(0);
      const doneWithin = exact.map((_, d) => exact.slice(0, d + 1).reduce((sum, p) => sum + p, 0));
      for (const confidence of FORECAST_CONFIDENCES) {
        const level = confidence / 100;
        const answer = forecast.withinDays[confidence] ?? Number.NaN;
        expect(doneWithin[answer]).toBeGreaterThanOrEqual(level - 4 * sigma(level));
        expect(doneWithin[answer - 1] ?? 0).toBeLessThan(level + 4 * sigma(level));
      }
    });
  }
});

describe("forecast edge cases", () => {
  it("gives the same answer for the same seed and a different one for another seed", () => {
    const run = (seed: number) => forecastHowMany(PER_DAY, 10, { trials: 2000, seed });
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
    expect(forecastWhen(PER_DAY, 12, { trials: 2000, seed: 5 })).toEqual(
      forecastWhen(PER_DAY, 12, { trials: 2000, seed: 5 }),
    );
  });

  it("is exact on a constant throughput: 2 a day finishes 7 demands in 4 days and does 10 in 5 days", () => {
    const run = { trials: 500, seed: 1 };
    const when = forecastWhen([2, 2, 2], 7, run) as WhenForecast;
    expect(when.withinDays).toEqual({ 50: 4, 85: 4, 95: 4 });
    expect(when.histogram).toEqual([{ value: 4, trials: 500 }]);
    const howMany = forecastHowMany([2, 2, 2], 5, run) as HowManyForecast;
    expect(howMany.atLeast).toEqual({ 50: 10, 85: 10, 95: 10 });
  });

  it("says there is no history, not NaN, when nothing was delivered", () => {
    const run = { trials: 100, seed: 1 };
    expect(forecastHowMany([0, 0, 0], 10, run)).toEqual({ status: "no-history" });
    expect(forecastHowMany([], 10, run)).toEqual({ status: "no-history" });
    expect(forecastWhen([0, 0], 3, run)).toEqual({ status: "no-history" });
  });

  it("has nothing to simulate when nothing remains", () => {
    expect(forecastWhen(PER_DAY, 0, { trials: 100, seed: 1 })).toEqual({ status: "nothing-remaining" });
  });

  it("reports trials that pass the one-year horizon instead of looping on", () => {
    // One delivery in 1000 days: 20 demands take about 20,000 days.
    const perDay = [1, ...new Array<number>(999).fill(0)];
    const forecast = forecastWhen(perDay, 20, { trials: 200, seed: 3 }) as WhenForecast;
    expect(forecast.beyondHorizon).toBeGreaterThan(190);
    expect(forecast.withinDays[50]).toBeNull();
  });
});

describe("forecast properties", () => {
  const perDay = fc
    .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 })
    .filter((counts) => counts.some((count) => count > 0));
  const order = (answers: Record<ForecastConfidence, number | null>) => [
    answers[50],
    answers[85],
    answers[95],
  ];

  it("promises less (how many) and later (when) at higher confidence, over every trial", () => {
    fc.assert(
      fc.property(perDay, fc.integer({ min: 1, max: 40 }), fc.integer(), (counts, n, seed) => {
        const run = { trials: 300, seed };
        const howMany = forecastHowMany(counts, n, run) as HowManyForecast;
        const [h50, h85, h95] = order(howMany.atLeast) as number[];
        expect(h50).toBeGreaterThanOrEqual(h85 ?? 0);
        expect(h85).toBeGreaterThanOrEqual(h95 ?? 0);
        expect(howMany.histogram.reduce((sum, bar) => sum + bar.trials, 0)).toBe(300);
        const when = forecastWhen(counts, n, run) as WhenForecast;
        const [w50, w85, w95] = order(when.withinDays) as number[];
        expect(w50).toBeLessThanOrEqual(w85 ?? 0);
        expect(w85).toBeLessThanOrEqual(w95 ?? 0);
        expect(w50).toBeGreaterThanOrEqual(Math.ceil(n / Math.max(...counts)));
      }),
      { numRuns: 150 },
    );
  });
});
