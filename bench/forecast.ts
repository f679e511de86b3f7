/**
 * Monte Carlo forecast benchmark (issue 10: "10,000 trials in under 200 ms").
 * Not a test: it prints the median of repeated runs of each forecast,
 * 10,000 trials each, on a daily throughput sample shaped like a real team's
 * (12 weeks, mostly 0-3 deliveries a day), and writes
 * bench/results-forecast.json. Run with `npm run bench:forecast`;
 * BENCH_REPEATS changes the number of runs (default 31).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { forecastHowMany, forecastWhen } from "@tideway/domain";
import { median, round1 } from "./bench-stats";

const REPEATS = Number(process.env.BENCH_REPEATS ?? 31);
const TRIALS = 10_000;
const TARGET_MS = 200;

/** 84 days: weekends at 0, weekdays 0-4 deliveries, about 1.2 a day overall. */
const perDay = Array.from({ length: 84 }, (_, index) =>
  index % 7 >= 5 ? 0 : ([0, 1, 1, 2, 2, 3, 4][index % 7] ?? 0),
);

const cases = [
  { name: "howMany30d", what: "how many in the next 30 days", run: () => forecastHowMany(perDay, 30, run()) },
  {
    name: "howMany180d",
    what: "how many in the next 180 days",
    run: () => forecastHowMany(perDay, 180, run()),
  },
  {
    name: "when50",
    what: "when will 50 demands be done (~40 days)",
    run: () => forecastWhen(perDay, 50, run()),
  },
  {
    name: "when250",
    what: "when will 250 demands be done (~200 days)",
    run: () => forecastWhen(perDay, 250, run()),
  },
  // The most one request can ask: a year ahead, or a "when" that does not finish within the one-year horizon.
  {
    name: "howManyMax",
    what: "worst case: how many in a year (366 days)",
    run: () => forecastHowMany(perDay, 366, run()),
  },
  {
    name: "whenMax",
    what: "worst case: when, not done within a year",
    run: () => forecastWhen(perDay, 10_000, run()),
  },
];

let seed = 0;
function run() {
  seed++;
  return { trials: TRIALS, seed };
}

const figures = cases.map((bench) => {
  for (let warm = 0; warm < 3; warm++) bench.run();
  const times: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const started = performance.now();
    bench.run();
    times.push(performance.now() - started);
  }
  const medianMs = median(times);
  return {
    name: bench.name,
    what: bench.what,
    trials: TRIALS,
    runs: REPEATS,
    medianMs: round1(medianMs),
    maxMs: round1(Math.max(...times)),
    targetMs: TARGET_MS,
    meetsTarget: medianMs < TARGET_MS,
  };
});

console.table(figures);
await writeFile(
  path.join(import.meta.dirname, "results-forecast.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, figures }, null, 2)}\n`,
);
