import { readlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ForecastRun, forecastHowMany, forecastWhen } from "@tideway/domain";

/**
 * Simulations yield the CPU to the event loop's thread: on a 2-core machine
 * the worker and the loop share the cores, and the loop answers everyone.
 * Linux lets one thread's niceness be set through its thread id
 * (/proc/thread-self); elsewhere the worker keeps the process's priority.
 */
const WORKER_NICENESS = 10;
try {
  os.setPriority(Number(path.basename(readlinkSync("/proc/thread-self"))), WORKER_NICENESS);
} catch {
  // Not Linux, or not permitted: run at the process's priority.
}

/** One Monte Carlo simulation, as sent to a worker thread: plain data, cloned across threads. */
export type ForecastJob =
  | { question: "how-many"; perDay: number[]; days: number; run: ForecastRun }
  | { question: "when"; perDay: number[]; remaining: number; run: ForecastRun };

export type ForecastOutcome<J extends ForecastJob> = J extends { question: "how-many" }
  ? ReturnType<typeof forecastHowMany>
  : ReturnType<typeof forecastWhen>;

/**
 * The worker thread's task (services/forecasts/forecast-threads.ts runs it):
 * the domain's simulation, unchanged, away from the event loop that answers
 * every other request. Also an esbuild entry point (scripts/build.mjs).
 */
export default function simulateForecast(job: ForecastJob) {
  return job.question === "how-many"
    ? forecastHowMany(job.perDay, job.days, job.run)
    : forecastWhen(job.perDay, job.remaining, job.run);
}
