/**
 * Forecasts under load (issue 19, target 4): while 100 Monte Carlo forecasts
 * (10,000 trials each, 25 users with 4 each, the most one user may run) are in
 * flight, how long does `/api/health` take? Polls it every 50 ms from the
 * first forecast to the last answer and prints its p50, p99 and worst time
 * against the 100 ms target, with the forecasts' own times and the load average.
 * Not a test: a figure from this machine (apps/api/test/heavy-work-limits.test.ts
 * asserts the structural part).
 *
 * Run alone with `npm run bench:forecast-load` (BENCH_PORT, default 3311), or
 * as part of `npm run bench` (BENCH_ONLY=load).
 */
import { once } from "node:events";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { createPrisma } from "../apps/api/src/db/prisma";
import { DEMO_BOARD } from "../apps/api/src/seed/seed-demo";
import { startAppUnderTest } from "./app-under-test";
import { type BenchUser, createBenchUser } from "./bench-boards";
import { percentile, round1 } from "./bench-stats";

const FORECASTS = 100;
const USERS = 25;
const HEALTH_POLL_MS = 50;
export const HEALTH_TARGET_MS = 100;

export interface ForecastLoadRun {
  forecasts: number;
  forecastsAnswered: number;
  forecastP50Ms: number;
  allForecastsMs: number;
  healthChecks: number;
  healthP50Ms: number;
  healthP99Ms: number;
  healthMaxMs: number;
}

/** Against a running app whose database `databaseUrl` holds the demo board (npm start's seed). */
export async function runForecastLoad(appUrl: string, databaseUrl: string): Promise<ForecastLoadRun> {
  const db = createPrisma(databaseUrl, { poolSize: 2 });
  try {
    const board = await db.board.findUniqueOrThrow({ where: { key: DEMO_BOARD.key }, select: { id: true } });
    const users: BenchUser[] = [];
    for (let i = 0; i < USERS; i++) {
      const user = await createBenchUser(db, `forecaster-${Date.now()}-${i}@bench.local`);
      await db.boardMember.create({ data: { boardId: board.id, userId: user.id, role: "viewer" } });
      users.push(user);
    }
    const forecastUrl = (n: number) =>
      `${appUrl}/api/boards/${board.id}/forecast?mode=when&count=400&trials=10000&seed=${n}`;
    // Warm: the board's history is cached and a worker thread started.
    await fetch(forecastUrl(0), { headers: { authorization: `Bearer ${users[0]?.apiToken}` } });

    const poller = startHealthPoller(`${appUrl}/api/health`);
    await once(poller, "message");
    const started = performance.now();
    const forecastTimes: number[] = [];
    const statuses = await Promise.all(
      Array.from({ length: FORECASTS }, async (_, n) => {
        const user = users[n % USERS];
        const sent = performance.now();
        const response = await fetch(forecastUrl(n + 1), {
          headers: { authorization: `Bearer ${user?.apiToken}` },
        });
        await response.arrayBuffer();
        forecastTimes.push(performance.now() - sent);
        return response.status;
      }),
    );
    const allForecastsMs = performance.now() - started;
    poller.postMessage("stop");
    const [healthTimes] = (await once(poller, "message")) as [number[]];
    await poller.terminate();
    return {
      forecasts: FORECASTS,
      forecastsAnswered: statuses.filter((status) => status === 200).length,
      forecastP50Ms: round1(percentile(forecastTimes, 50)),
      allForecastsMs: round1(allForecastsMs),
      healthChecks: healthTimes.length,
      healthP50Ms: round1(percentile(healthTimes, 50)),
      healthP99Ms: round1(percentile(healthTimes, 99)),
      healthMaxMs: round1(Math.max(...healthTimes)),
    };
  } finally {
    await db.$disconnect();
  }
}

/**
 * Polls `url` every HEALTH_POLL_MS on a thread of its own until told "stop",
 * then posts the answer times (ms). Not on this thread: creating 100 fetches
 * at once held this process's event loop, and a health answer that had
 * arrived was counted late (p99 137 ms for /api/health and 121 ms for
 * /api/health/live, which touches nothing, against 2 to 4 ms at p50).
 * Posts "ready" once its first, untimed request is answered.
 */
function startHealthPoller(url: string): Worker {
  const code = `
    const { parentPort, workerData } = require("node:worker_threads");
    let running = true;
    const times = [];
    parentPort.on("message", () => { running = false; });
    (async () => {
      // Untimed: a thread's first fetch loads Node's HTTP client (hundreds of ms).
      await (await fetch(workerData.url)).arrayBuffer();
      parentPort.postMessage("ready");
      while (running) {
        const started = performance.now();
        await (await fetch(workerData.url)).arrayBuffer();
        times.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, workerData.pollMs));
      }
      parentPort.postMessage(times);
    })();`;
  return new Worker(code, { eval: true, workerData: { url, pollMs: HEALTH_POLL_MS } });
}

async function main(): Promise<void> {
  const port = Number(process.env.BENCH_PORT ?? 3311);
  const loadAtStart = os.loadavg();
  console.log(`starting the app on port ${port} with a fresh embedded database…`);
  const app = await startAppUnderTest(port);
  try {
    const run = await runForecastLoad(app.url, app.databaseUrl);
    console.table([run]);
    console.log(
      `health p99 during ${run.forecasts} forecasts: ${run.healthP99Ms} ms (target <= ${HEALTH_TARGET_MS}: ` +
        `${run.healthP99Ms <= HEALTH_TARGET_MS ? "met" : "NOT met"})`,
    );
  } finally {
    await app.stop();
  }
  const fmt = (load: number[]) => load.map((value) => value.toFixed(1)).join(", ");
  console.log(`load average at start ${fmt(loadAtStart)}, at end ${fmt(os.loadavg())}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
