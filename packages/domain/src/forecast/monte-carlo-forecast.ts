import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { type OutcomeCount, OutcomeTally } from "./outcome-histogram";

/** The confidence levels every forecast answers at, in percent. */
export const FORECAST_CONFIDENCES = [50, 85, 95] as const;
export type ForecastConfidence = (typeof FORECAST_CONFIDENCES)[number];
export type ByConfidence<T> = Record<ForecastConfidence, T>;

/** The seed used when none is given, so the same history always gives the same forecast. */
export const DEFAULT_FORECAST_SEED = 211;
/**
 * "When" stops a trial after this many days (a year, as far as "how many" may look ahead):
 * a team's pace changes more within a year than any sample of past weeks can say, and it
 * bounds the work of one forecast (10,000 trials x 366 days drawn) even for a team that
 * delivers almost nothing.
 */
export const FORECAST_HORIZON_DAYS = 366;

export interface ForecastRun {
  trials: number;
  seed: number;
}

/** No demand was delivered on any sampled day: there is no throughput to sample. */
export interface NoThroughputHistory {
  status: "no-history";
}

export interface HowManyForecast extends ForecastRun {
  status: "forecast";
  days: number;
  /**
   * At each confidence c: the number of demands done in `days` days in at
   * least c% of the trials, i.e. the (100 - c)th percentile of the totals.
   * Higher confidence, smaller promise: atLeast[95] <= atLeast[85] <= atLeast[50].
   */
  atLeast: ByConfidence<number>;
  histogram: OutcomeCount[];
}

export interface WhenForecast extends ForecastRun {
  status: "forecast";
  remaining: number;
  /**
   * At each confidence c: the number of days within which the `remaining`
   * demands are done in at least c% of the trials, i.e. the c-th percentile
   * of the days taken; null when that many trials did not finish within
   * FORECAST_HORIZON_DAYS. Higher confidence, later date.
   */
  withinDays: ByConfidence<number | null>;
  /** Trials that did not finish within FORECAST_HORIZON_DAYS (left out of the histogram). */
  beyondHorizon: number;
  histogram: OutcomeCount[];
}

/** "When" with nothing left to do: done today, no simulation needed. */
export interface NothingRemaining {
  status: "nothing-remaining";
}

/**
 * "How many demands will be done in the next `days` days?" by Monte Carlo:
 * each trial adds up `days` days, each drawn at random (with replacement)
 * from the sampled daily throughput `perDay`. Days are independent draws, so
 * the totals follow the `days`-fold convolution of the sampled distribution;
 * the unit tests check the simulation against that exact distribution.
 *
 * Example: perDay = [0, 2] (half the days deliver 2) and days = 2: totals 0,
 * 2, 2, 4 are equally likely, so 2 or more is done with 75% probability:
 * atLeast[50] = 2; at 85% and 95% only 0 is sure enough.
 */
export function forecastHowMany(
  perDay: readonly number[],
  days: number,
  run: ForecastRun,
): HowManyForecast | NoThroughputHistory {
  const sample = throughputSample(perDay);
  if (sample === null) return { status: "no-history" };
  const tally = simulate(sample, run, (drawDay) => {
    let total = 0;
    for (let day = 0; day < days; day++) total += drawDay();
    return total;
  });
  return {
    status: "forecast",
    trials: run.trials,
    seed: run.seed,
    days,
    atLeast: byConfidence((c) => tally.percentile(100 - c) ?? 0),
    histogram: tally.histogram(),
  };
}

/**
 * "When will these `remaining` demands be done?" by Monte Carlo: each trial
 * draws days from the sampled daily throughput `perDay` (with replacement)
 * until their deliveries add up to `remaining`; the outcome is the number of
 * days drawn. The first day is tomorrow (today is under way and not sampled),
 * so an outcome of d days means done by the end of the d-th day from today.
 *
 * Example: perDay = [1] and remaining = 5: every trial takes 5 days, so
 * withinDays is 5 at every confidence.
 */
export function forecastWhen(
  perDay: readonly number[],
  remaining: number,
  run: ForecastRun,
): WhenForecast | NoThroughputHistory | NothingRemaining {
  if (remaining <= 0) return { status: "nothing-remaining" };
  const sample = throughputSample(perDay);
  if (sample === null) return { status: "no-history" };
  const tally = simulate(sample, run, (drawDay) => {
    let done = 0;
    let day = 0;
    while (done < remaining && day < FORECAST_HORIZON_DAYS) {
      done += drawDay();
      day++;
    }
    return done >= remaining ? day : null;
  });
  return {
    status: "forecast",
    trials: run.trials,
    seed: run.seed,
    remaining,
    withinDays: byConfidence((c) => tally.percentile(c)),
    beyondHorizon: tally.beyondTrials,
    histogram: tally.histogram(),
  };
}

/**
 * Runs `run.trials` trials, each drawing days at random (uniformly, with
 * replacement) from the sample, and tallies their outcomes; null is an
 * outcome beyond the horizon. One seeded generator for all trials makes the
 * whole forecast a function of the seed.
 */
function simulate(
  sample: Int32Array,
  run: ForecastRun,
  trial: (drawDay: () => number) => number | null,
): OutcomeTally {
  const rng = xoroshiro128plus(run.seed);
  const last = sample.length - 1;
  const drawDay = () => sample[uniformInt(rng, 0, last)] ?? 0;
  const tally = new OutcomeTally();
  for (let index = 0; index < run.trials; index++) {
    const outcome = trial(drawDay);
    if (outcome === null) tally.addBeyond();
    else tally.add(outcome);
  }
  return tally;
}

/** The daily counts as a typed array, or null when not one day delivered anything. */
function throughputSample(perDay: readonly number[]): Int32Array | null {
  return perDay.some((count) => count > 0) ? Int32Array.from(perDay) : null;
}

function byConfidence<T>(answer: (confidence: ForecastConfidence) => T): ByConfidence<T> {
  return { 50: answer(50), 85: answer(85), 95: answer(95) };
}
