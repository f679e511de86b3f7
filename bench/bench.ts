/**
 * `npm run bench` (issue 9): the hot paths of Tideway measured in one run, on
 * the app as `npm start` runs it (its own embedded PostgreSQL in a temporary
 * DATA_DIR, never .data/). Not a test: it prints a table, compares with the
 * targets and writes bench/results.json with medians over BENCH_RUNS runs.
 *
 * 1. moves under 50 concurrent clients, across many boards and on one hot
 *    board with WIP limits, and across boards at a fixed 1,000 moves/s;
 *    checks that every acknowledged move has exactly one Transition and that
 *    no hard limit was ever exceeded;
 * 2. move-to-broadcast latency to 100 socket.io clients in the board's room;
 * 3. tiles, a year of cumulative flow and aging on 100,000 demands and
 *    ~1,000,000 transitions (metrics-suite.ts, shared with bench:metrics);
 * 4. the board page in Chromium with 500 and 2,000 cards;
 * 5. the raw-SQL baseline of the move (raw-move-server.ts), driven the same
 *    way as 1, so the framework and ORM overhead shows as a ratio; and
 *    PostgreSQL alone (postgres-floor.ts, pgbench), the ceiling of any
 *    transaction of a move's shape on this machine.
 * 6. /api/health while 100 forecasts run (forecast-load.ts) and a 2,048-commit
 *    GitHub push (webhook-push.ts), issue 19.
 *
 * 7. with BENCH_BASELINE=<commit>: that commit's app, checked out in a git
 *    worktree under /tmp and started on the same database, driven in turns
 *    with this one, so the table gives same-run before/after ratios
 *    (baseline.ts).
 * 8. first meaningful content of the board list, a board of ~600 cards with two
 *    years of history and its dashboard in Chromium, cold cache, signed in
 *    (page-load-bench.ts, issue 19); with BENCH_BASELINE, that commit's app
 *    and this one in turns, and the same-run ratios against the 0.4 target.
 *
 * Environment: BENCH_ONLY (a subset of moves,broadcast,page,pages,metrics,load,webhooks), BENCH_RUNS (3), BENCH_SECONDS per load run (8),
 * BENCH_LISTENERS socket.io clients for the broadcast (100), BENCH_DEMANDS
 * for the metrics history (100000), BENCH_PORT (3301; the raw-SQL server, the
 * baseline and this app on the baseline's footing take the next three ports), BENCH_CPU_PROF=1 writes the server's CPU profile to bench/profiles,
 * BENCH_PAGE_PROFILE=<dir> the page's CPU profile during the drag with every card shown.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "../apps/api/src/config";
import { createPrisma } from "../apps/api/src/db/prisma";
import { startAppUnderTest } from "./app-under-test";
import { git, startAppOnDatabase, startBaselineApp } from "./baseline";
import { type BenchBoard, createBenchBoard, createBenchUser } from "./bench-boards";
import { printFigures } from "./bench-figures";
import { median, medianOf, round1 } from "./bench-stats";
import { type BoardPageRun, boardPlacements, launchChromium, runBoardPage } from "./board-page-bench";
import { type BroadcastRun, connectListeners, runBroadcast } from "./broadcast-bench";
import { type ForecastLoadRun, HEALTH_TARGET_MS, runForecastLoad } from "./forecast-load";
import { runMetricsSuite } from "./metrics-suite";
import { type MoveLoad, type MoveRun, runMoveLoad } from "./moves-bench";
import {
  type AppToLoad,
  createPageLoadBoard,
  measurePageLoads,
  PAGE_LOAD_TARGET_RATIO,
  type PageLoadResults,
} from "./page-load-bench";
import { measurePostgresFloor, type PostgresFloor, pgbenchAvailable } from "./postgres-floor";
import { runWebhookPush, WEBHOOK_TARGET_MS } from "./webhook-push";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const METRICS_DEMANDS = Number(process.env.BENCH_DEMANDS ?? 100_000);
const PORT = Number(process.env.BENCH_PORT ?? 3301);
const CONNECTIONS = 50;
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 100);
const BROADCAST_MOVES = 100;
const FIXED_RATE = 1_000;
/** One 60 Hz frame (16.67 ms) and the jitter of requestAnimationFrame's timestamps. */
const ONE_FRAME_MS = 16.67 + 0.3;
/** BENCH_ONLY=moves,broadcast,page,pages,metrics,load,webhooks runs a subset (for profiling one part). */
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? "moves,broadcast,page,pages,metrics,load,webhooks").split(","),
);

type MoveSummary = Omit<MoveRun, "refused" | "transitionsMatch" | "limitsHeld" | "movesPerCard">;
/** BENCH_BASELINE=<commit>: compare with that commit's app in the same run. */
const BASELINE = process.env.BENCH_BASELINE;

interface MoveScenario {
  name: string;
  what: string;
  boards: BenchBoard[];
  overallRate?: number;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  const nodeArgs = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${path.join(repoRoot, "bench/profiles")}`]
    : [];
  console.log(`starting the app on port ${PORT} with a fresh embedded database…`);
  const app = await startAppUnderTest(PORT, nodeArgs);
  const raw = await startRawMoveServer(app.databaseUrl, PORT + 1);
  const baseline = BASELINE ? await startBaselineApp(BASELINE, app.databaseUrl, PORT + 2) : null;
  // This checkout's app started as the baseline is (on a DATABASE_URL), for the before/after ratio.
  const appOnDatabase = BASELINE
    ? await startAppOnDatabase(repoRoot, git(["rev-parse", "HEAD"]).trim(), app.databaseUrl, PORT + 3)
    : null;
  const db = createPrisma(app.databaseUrl, { poolSize: 5 });
  const client = new pg.Client({ connectionString: app.databaseUrl });
  await client.connect();
  const results: Record<string, unknown> = {};
  try {
    const user = await createBenchUser(db);
    console.log("creating the boards…");
    const spread: BenchBoard[] = [];
    for (let i = 0; i < 100; i++) {
      spread.push(
        await createBenchBoard(db, client, user.id, {
          name: `Spread ${i}`,
          key: `SP${i}`,
          placements: [0, 1, 2, 3].map((stage) => ({ stage, lane: 1 })),
        }),
      );
    }
    const hot = await createBenchBoard(db, client, user.id, {
      name: "Hot board",
      key: "HOT",
      placements: hotPlacements(),
      stageLimits: { Design: 12, Development: 16, Testing: 12 },
    });
    const broadcastBoard = await createBenchBoard(db, client, user.id, {
      name: "Broadcast",
      key: "CAST",
      placements: [{ stage: 0, lane: 1 }],
    });
    const pageBoards = [
      await createBenchBoard(db, client, user.id, {
        name: "Page 500",
        key: "PFIVE",
        placements: boardPlacements(500),
      }),
      await createBenchBoard(db, client, user.id, {
        name: "Page 2000",
        key: "PTWO",
        placements: boardPlacements(2000),
      }),
    ];

    // Before the move load: after it PostgreSQL is still vacuuming and checkpointing tens of
    // thousands of writes, which is the load runs' wake, not the latency of one move's broadcast.
    if (ONLY.has("broadcast"))
      results.broadcast = await measureBroadcast(app.url, user.apiToken, broadcastBoard);
    if (ONLY.has("pages")) {
      console.log("measuring the first content of the board list, a board and its dashboard in Chromium…");
      const pageLoadBoard = await createPageLoadBoard(db, client, user.id);
      // Against the baseline: this app started the way the baseline is (both on a DATABASE_URL).
      const apps: AppToLoad[] =
        baseline && appOnDatabase
          ? [
              { label: "app", url: appOnDatabase.url },
              { label: BASELINE ?? "baseline", url: baseline.url },
            ]
          : [{ label: "app", url: app.url }];
      results.pageLoads = await measurePageLoads(apps, user.sessionToken, pageLoadBoard, RUNS);
    }
    if (ONLY.has("moves")) {
      const servers: Servers = {
        app: { url: app.url, pid: app.server.process.pid as number },
        raw: { url: raw.url, pid: raw.pid },
        ...(baseline && appOnDatabase
          ? {
              baseline: { url: baseline.url, pid: baseline.pid },
              appOnDatabase: { url: appOnDatabase.url, pid: appOnDatabase.pid },
            }
          : {}),
      };
      results.moves = await measureMoves(servers, app.databasePid, user.apiToken, client, spread, hot);
    }
    if (ONLY.has("page")) results.boardPage = await measureBoardPage(app.url, user.sessionToken, pageBoards);
    // Issue 19: /api/health while 100 forecasts run (forecast-load.ts), a 2,048-commit push (webhook-push.ts).
    if (ONLY.has("load")) results.forecastLoad = await runForecastLoad(app.url, app.databaseUrl);
    if (ONLY.has("webhooks")) results.webhookPush = await runWebhookPush(app.url, app.databaseUrl, RUNS);
    // Last: loading a million transitions is the heaviest write of the run.
    if (ONLY.has("metrics")) {
      console.log(`loading ${METRICS_DEMANDS} demands for the metrics…`);
      const metrics = await runMetricsSuite(db, client, {
        demands: METRICS_DEMANDS,
        repeats: Math.max(5, RUNS * 2 + 1),
        userId: user.id,
      });
      results.metrics = {
        demands: metrics.fixture.demands,
        transitions: metrics.fixture.transitions,
        figures: metrics.figures,
      };
      printFigures(metrics.figures);
    }
  } finally {
    await client.end();
    await db.$disconnect();
    await raw.stop();
    await baseline?.stop();
    await appOnDatabase?.stop();
    await app.stop();
  }

  const targets = compareWithTargets(results);
  console.table(targets);
  const report = {
    date: startedAt.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGb: round1(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: { start: loadAtStart, end: os.loadavg() },
    },
    baseline: baseline ? { commit: baseline.commit } : null,
    settings: { runs: RUNS, secondsPerLoadRun: SECONDS, connections: CONNECTIONS, listeners: LISTENERS },
    targets,
    ...results,
  };
  await writeFile(path.join(repoRoot, "bench/results.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(
    `load average (1, 5, 15 min) at start ${fmtLoad(loadAtStart)}, at end ${fmtLoad(os.loadavg())}`,
  );
  console.log("wrote bench/results.json");
}

interface Servers {
  app: { url: string; pid: number };
  raw: { url: string; pid: number };
  baseline?: { url: string; pid: number };
  /** This checkout's app started as the baseline is, on the database's URL. */
  appOnDatabase?: { url: string; pid: number };
}

/** 1, 5 and 6: moves through the app, the raw-SQL baseline and the baseline commit's app, in turns. */
async function measureMoves(
  servers: Servers,
  databasePid: number,
  apiToken: string,
  client: pg.Client,
  spread: BenchBoard[],
  hot: BenchBoard,
) {
  const scenarios: MoveScenario[] = [
    { name: "acrossBoards", what: "100 boards, as fast as answered", boards: spread },
    { name: "hotBoard", what: "one board with hard WIP limits, as fast as answered", boards: [hot] },
    {
      name: "fixedRate",
      what: `100 boards at ${FIXED_RATE} moves/s`,
      boards: spread,
      overallRate: FIXED_RATE,
    },
  ];
  const load = (server: { url: string; pid: number }, scenario: MoveScenario, seconds: number): MoveLoad => ({
    url: server.url,
    pids: { server: server.pid, database: databasePid },
    apiToken,
    boards: scenario.boards,
    connections: CONNECTIONS,
    durationSeconds: seconds,
    ...(scenario.overallRate ? { overallRate: scenario.overallRate } : {}),
  });
  console.log("warming up…");
  for (const server of [servers.app, servers.raw, servers.baseline, servers.appOnDatabase]) {
    if (server) await runMoveLoad(load(server, scenarios[0] as MoveScenario, 2), client);
  }
  const moves: Record<string, unknown> = {};
  for (const scenario of scenarios) {
    const appRuns: MoveRun[] = [];
    const rawRuns: MoveRun[] = [];
    const baselineRuns: MoveRun[] = [];
    const appOnDatabaseRuns: MoveRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      appRuns.push(await runMoveLoad(load(servers.app, scenario, SECONDS), client));
      console.log(`  ${scenario.name} run ${run + 1}: app ${describeMoves(appRuns.at(-1))}`);
      if (servers.baseline && servers.appOnDatabase) {
        baselineRuns.push(await runMoveLoad(load(servers.baseline, scenario, SECONDS), client));
        console.log(`  ${scenario.name} run ${run + 1}: baseline ${describeMoves(baselineRuns.at(-1))}`);
        appOnDatabaseRuns.push(await runMoveLoad(load(servers.appOnDatabase, scenario, SECONDS), client));
        console.log(
          `  ${scenario.name} run ${run + 1}: app on DATABASE_URL ${describeMoves(appOnDatabaseRuns.at(-1))}`,
        );
      }
      rawRuns.push(await runMoveLoad(load(servers.raw, scenario, SECONDS), client));
      console.log(`  ${scenario.name} run ${run + 1}: raw SQL ${describeMoves(rawRuns.at(-1))}`);
    }
    const appMedian = summariseMoves(appRuns);
    const rawMedian = summariseMoves(rawRuns);
    moves[scenario.name] = {
      what: scenario.what,
      app: appMedian,
      rawSql: rawMedian,
      ...(baselineRuns.length > 0
        ? {
            baseline: summariseMoves(baselineRuns),
            appOnDatabase: summariseMoves(appOnDatabaseRuns),
            baselineRuns,
            appOnDatabaseRuns,
          }
        : {}),
      /** Raw SQL throughput / app throughput, app latency / raw SQL latency: above 1 is the overhead. */
      overhead: {
        throughput: round1(rawMedian.summary.requestsPerSecond / appMedian.summary.requestsPerSecond),
        p50: round1(appMedian.summary.p50Ms / rawMedian.summary.p50Ms),
        p99: round1(appMedian.summary.p99Ms / rawMedian.summary.p99Ms),
      },
      appRuns,
      rawSqlRuns: rawRuns,
    };
  }
  if (pgbenchAvailable()) {
    const floors: PostgresFloor[] = [];
    for (let run = 0; run < RUNS; run++) {
      const last = await measurePostgresFloor(CONNECTIONS, SECONDS, FIXED_RATE);
      floors.push(last);
      console.log(
        `  PostgreSQL alone run ${run + 1}: ${round1(last.transactionsPerSecond)} tx/s, ` +
          `p99 at ${FIXED_RATE}/s ${round1(last.fixedRateP99Ms)} ms`,
      );
    }
    moves.postgresFloor = {
      what: `pgbench's TPC-B-like transaction, ${CONNECTIONS} clients, prepared statements, no app`,
      median: medianOf(floors),
      runs: floors,
    };
  } else {
    console.log("  (no pgbench on PATH: the PostgreSQL-alone floor is skipped)");
  }
  return moves;
}

/** 2: move-to-broadcast latency to LISTENERS socket.io clients. */
async function measureBroadcast(appUrl: string, apiToken: string, board: BenchBoard) {
  console.log(`connecting ${LISTENERS} socket.io clients…`);
  const listeners = await connectListeners(appUrl, apiToken, board.id, LISTENERS);
  const runs: BroadcastRun[] = [];
  try {
    // Warm up the server's and the clients' code paths, as the move load runs do.
    await runBroadcast(appUrl, apiToken, board, listeners.arrivals, 20);
    for (let run = 0; run < RUNS; run++) {
      const last = await runBroadcast(appUrl, apiToken, board, listeners.arrivals, BROADCAST_MOVES);
      runs.push(last);
      console.log(
        `  broadcast run ${run + 1}: p50 ${round1(last.p50Ms)} ms, p99 ${round1(last.p99Ms)} ms ` +
          `(first client p50 ${round1(last.firstClientP50Ms)} p99 ${round1(last.firstClientP99Ms)} ms, ` +
          `first to last client p50 ${round1(last.fanOutP50Ms)} p99 ${round1(last.fanOutP99Ms)} ms)`,
      );
    }
  } finally {
    listeners.close();
  }
  return { listeners: LISTENERS, movesPerRun: BROADCAST_MOVES, median: medianOf(runs), runs };
}

/** 4: the board page in Chromium, per board size. */
async function measureBoardPage(appUrl: string, sessionToken: string, boards: BenchBoard[]) {
  console.log("measuring the board page in Chromium…");
  const browser = await launchChromium();
  const page: Record<string, unknown> = {};
  try {
    for (const board of boards) {
      const runs: BoardPageRun[] = [];
      for (let run = 0; run < RUNS; run++) {
        const last = await runBoardPage(browser, appUrl, sessionToken, board);
        runs.push(last);
        console.log(
          `  ${last.cards} cards run ${run + 1}: open ${round1(last.openInteractiveMs)} ms, ` +
            `all shown ${round1(last.showAllInteractiveMs)} ms, drag p95 ${round1(last.dragFrameP95Ms)} ms, ` +
            `${last.dragWrapperRenders} wrapper / ${last.dragCardRenders} card renders`,
        );
      }
      page[String(board.demands.length)] = { median: medianOf(runs), runs };
    }
  } finally {
    await browser.close();
  }
  return page;
}

/** 100 demands: most in Standard, four in the Expedite lane (hard limit 1), all within the limits at the start. */
function hotPlacements(): { stage: number; lane: number }[] {
  const perStage = [36, 10, 14, 10, 10, 20];
  const placements = perStage.flatMap((count, stage) =>
    Array.from({ length: count }, () => ({ stage, lane: 1 })),
  );
  for (let i = 0; i < 4; i++) {
    const selection = placements[i * 5];
    if (selection) selection.lane = 0;
  }
  return placements;
}

function summariseMoves(runs: MoveRun[]) {
  const summary = medianOf(
    runs.map(
      ({ refused: _r, transitionsMatch: _t, limitsHeld: _l, movesPerCard: _m, ...numbers }): MoveSummary =>
        numbers,
    ),
  );
  const refused: Record<string, number> = {};
  for (const code of new Set(runs.flatMap((run) => Object.keys(run.refused)))) {
    refused[code] = median(runs.map((run) => run.refused[code] ?? 0));
  }
  return {
    summary,
    refusedMedian: refused,
    everyAcknowledgedMoveHasOneTransition: runs.every((run) => run.transitionsMatch),
    noHardLimitExceeded: runs.every((run) => run.limitsHeld),
    movesPerCard: runs.map((run) => run.movesPerCard),
  };
}

function describeMoves(run: MoveRun | undefined): string {
  if (!run) return "";
  const refused = Object.values(run.refused).reduce((sum, n) => sum + n, 0);
  return (
    `${Math.round(run.movesPerSecond)} moves/s (${refused} refused, ${run.failed} failed), ` +
    `p50 ${run.p50Ms} ms p99 ${run.p99Ms} ms, cpu ms/request server ${run.serverCpuMsPerRequest} ` +
    `database ${run.databaseCpuMsPerRequest} load ${run.loadGeneratorCpuMsPerRequest}, transitions ${run.transitionsMatch ? "ok" : "MISMATCH"}, ` +
    `limits ${run.limitsHeld ? "held" : "EXCEEDED"}, ` +
    `${run.movesPerCard.moved}/${run.movesPerCard.cards} cards moved, per card min ${run.movesPerCard.min} ` +
    `median ${run.movesPerCard.median} max ${run.movesPerCard.max}`
  );
}

interface TargetRow {
  what: string;
  target: string;
  measured: number;
  met: boolean;
}

function compareWithTargets(results: Record<string, unknown>): TargetRow[] {
  const rows: TargetRow[] = [];
  const row = (
    what: string,
    target: string,
    measured: number | undefined,
    met: (value: number) => boolean,
  ) => {
    if (measured === undefined || Number.isNaN(measured)) return;
    rows.push({ what, target, measured: Math.round(measured * 100) / 100, met: met(measured) });
  };
  type Moves = Record<string, { app: ReturnType<typeof summariseMoves> }>;
  const moves = results.moves as Moves | undefined;
  row("moves/s across boards", ">= 2000", moves?.acrossBoards?.app.summary.movesPerSecond, (v) => v >= 2000);
  row(
    "moves/s on the hot board (acknowledged)",
    ">= 1000",
    moves?.hotBoard?.app.summary.movesPerSecond,
    (v) => v >= 1000,
  );
  row("move p99 at 1,000/s (ms)", "<= 20", moves?.fixedRate?.app.summary.p99Ms, (v) => v <= 20);
  // Same-run ratios (issue 19): against BENCH_BASELINE's app, and against the raw-SQL server.
  type Ratios = Record<
    string,
    { app: Summary; rawSql: Summary; baseline?: Summary; appOnDatabase?: Summary }
  >;
  type Summary = ReturnType<typeof summariseMoves>;
  const ratios = results.moves as Ratios | undefined;
  const ratio = (scenario: string, other: "rawSql" | "baseline") => {
    // Against the baseline: this app started the way the baseline is (both on a DATABASE_URL).
    const ours = ratios?.[scenario]?.[other === "baseline" ? "appOnDatabase" : "app"]?.summary.movesPerSecond;
    const theirs = ratios?.[scenario]?.[other]?.summary.movesPerSecond;
    return ours === undefined || !theirs ? undefined : ours / theirs;
  };
  row(
    `hot board moves/s, app / ${BASELINE ?? "baseline"}`,
    ">= 3",
    ratio("hotBoard", "baseline"),
    (v) => v >= 3,
  );
  row(
    `100 boards moves/s, app / ${BASELINE ?? "baseline"}`,
    ">= 2",
    ratio("acrossBoards", "baseline"),
    (v) => v >= 2,
  );
  row("hot board moves/s, app / raw SQL", ">= 0.8", ratio("hotBoard", "rawSql"), (v) => v >= 0.8);
  row("100 boards moves/s, app / raw SQL", ">= 0.8", ratio("acrossBoards", "rawSql"), (v) => v >= 0.8);
  // The same targets for PostgreSQL alone (postgres-floor.ts): where it misses them, so must any app.
  const floor = (results.moves as { postgresFloor?: { median: PostgresFloor } } | undefined)?.postgresFloor;
  row("PostgreSQL alone: pgbench tx/s", ">= 2000", floor?.median.transactionsPerSecond, (v) => v >= 2000);
  row("PostgreSQL alone: p99 at 1,000 tx/s (ms)", "<= 20", floor?.median.fixedRateP99Ms, (v) => v <= 20);
  const broadcast = results.broadcast as { median: BroadcastRun } | undefined;
  row("move-to-broadcast p99, 100 clients (ms)", "<= 25", broadcast?.median.p99Ms, (v) => v <= 25);
  const figures =
    (results.metrics as { figures: { name: string; medianMs: number }[] } | undefined)?.figures ?? [];
  const figure = (name: string) => figures.find((f) => f.name === name)?.medianMs;
  row("2-1-1 tiles right after a move (ms)", "<= 100", figure("tilesAfterMove"), (v) => v <= 100);
  row("a year of CFD right after a move (ms)", "<= 500", figure("cfdYearAfterMove"), (v) => v <= 500);
  const page = results.boardPage as Record<string, { median: BoardPageRun }> | undefined;
  row(
    "2,000 cards: open, interactive (ms)",
    "<= 1500",
    page?.["2000"]?.median.openInteractiveMs,
    (v) => v <= 1500,
  );
  row(
    "2,000 cards: all shown, interactive (ms)",
    "<= 1500",
    page?.["2000"]?.median.showAllInteractiveMs,
    (v) => v <= 1500,
  );
  // requestAnimationFrame intervals on a 60 Hz display are 16.67 ms give or take the scheduler's
  // jitter (a few tenths: a drag with no frame dropped measures 16.6 to 16.8 ms); a dropped frame
  // shows as 33 ms. So a frame counts as on time up to ONE_FRAME_MS.
  const onTime = (v: number) => v <= ONE_FRAME_MS;
  row("2,000 cards: drag frame p95 (ms)", "<= 16.7", page?.["2000"]?.median.dragFrameP95Ms, onTime);
  row("2,000 cards: longest drag frame (ms)", "<= 16.7", page?.["2000"]?.median.dragFrameMaxMs, onTime);
  const pageLoads = results.pageLoads as PageLoadResults | undefined;
  const pageNames = { boardList: "board list", board: "board", dashboard: "dashboard" } as const;
  for (const [name, what] of Object.entries(pageNames) as [keyof PageLoadResults, string][]) {
    row(
      `${what} first content (cold), app / ${BASELINE ?? "baseline"}`,
      `<= ${PAGE_LOAD_TARGET_RATIO}`,
      pageLoads?.[name].ratio,
      (v) => v <= PAGE_LOAD_TARGET_RATIO,
    );
  }
  const forecastLoad = results.forecastLoad as ForecastLoadRun | undefined;
  row(
    "/api/health p99 during 100 forecasts (ms)",
    `<= ${HEALTH_TARGET_MS}`,
    forecastLoad?.healthP99Ms,
    (v) => v <= HEALTH_TARGET_MS,
  );
  const webhookPush = results.webhookPush as { medianMs: number } | undefined;
  row(
    "2,048-commit push stored (ms)",
    `< ${WEBHOOK_TARGET_MS}`,
    webhookPush?.medianMs,
    (v) => v < WEBHOOK_TARGET_MS,
  );
  return rows;
}

interface RawServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function startRawMoveServer(databaseUrl: string, port: number): Promise<RawServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", path.join(repoRoot, "bench/raw-move-server.ts")],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the raw-SQL move server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const fmtLoad = (load: number[]) => load.map((value) => value.toFixed(1)).join(", ");

if (process.env.BENCH_CPU_PROF) await mkdir(path.join(repoRoot, "bench/profiles"), { recursive: true });
await main();
