import os from "node:os";
import { ErrorCode } from "@tideway/contracts";
import { Piscina } from "piscina";
import { AppError } from "../../errors/app-error";
import type { ForecastJob, ForecastOutcome } from "./forecast-worker";

/**
 * Monte Carlo forecasts run in worker threads (piscina), so 10,000 trials
 * never hold up the event loop that answers everyone else: measured with 100
 * forecasts in flight, /api/health stays fast (bench/forecast-load.ts).
 * Threads: one core is left to the event loop (one thread on a 2-core
 * machine). A forecast beyond MAX_QUEUED waiting ones is refused with 503
 * OVERLOADED; each user may also have only a few in flight (routes/forecasts.ts).
 * Piscina unrefs idle threads, so they never keep a stopping process alive.
 */
const THREADS = Math.max(1, os.availableParallelism() - 1);
const MAX_QUEUED = 1_000;
/** A thread idle this long exits; the next forecast starts one again. */
const IDLE_THREAD_MS = 60_000;

/**
 * In the compiled server (apps/api/dist) the worker is its own bundle,
 * forecast-worker.js beside server.js; from the sources (tsx, vitest) the
 * worker thread loads the TypeScript file through tsx.
 */
function workerLocation(): { filename: string; execArgv: string[] } {
  const compiled = import.meta.url.endsWith(".js");
  return compiled
    ? { filename: new URL("./forecast-worker.js", import.meta.url).href, execArgv: [] }
    : { filename: new URL("./forecast-worker.ts", import.meta.url).href, execArgv: ["--import", "tsx"] };
}

let pool: Piscina | null = null;

export async function simulateInWorker<J extends ForecastJob>(job: J): Promise<ForecastOutcome<J>> {
  pool ??= new Piscina({
    ...workerLocation(),
    minThreads: 0,
    maxThreads: THREADS,
    maxQueue: MAX_QUEUED,
    idleTimeout: IDLE_THREAD_MS,
  });
  if (pool.queueSize >= MAX_QUEUED) {
    throw new AppError(
      ErrorCode.OVERLOADED,
      "Too many forecasts are being computed right now; try again shortly.",
    );
  }
  return pool.run(job);
}
