/**
 * Metrics read-path benchmark (issue 5, acceptance item 4; the metrics of issue 9 item 3):
 * the 2-1-1 tiles and a year of cumulative flow on a board with 100,000
 * demands and ~1,000,000 transitions, and the GET metrics service around
 * them. Not a test: it prints a table of medians and writes
 * bench/results-metrics.json. Run with `npm run bench:metrics`.
 *
 * Starts its own embedded PostgreSQL in a temporary folder and removes it
 * afterwards. BENCH_DEMANDS and BENCH_REPEATS scale it down for a quick look.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  cumulativeFlow,
  DAY,
  type DemandFlow,
  epochMs,
  type FlowStage,
  twoOneOneTiles,
} from "@tideway/domain";
import pg from "pg";
import { repoRoot } from "../apps/api/src/config";
import { startEmbeddedPostgres } from "../apps/api/src/db/embedded-postgres";
import { applyMigrations, ensureDatabaseExists } from "../apps/api/src/db/migrate";
import { createPrisma, type Db } from "../apps/api/src/db/prisma";
import { discardEvents } from "../apps/api/src/services/board-events";
import { createBoard } from "../apps/api/src/services/boards/create-board";
import { moveDemand } from "../apps/api/src/services/demands/move-demand";
import { boardFlowCacheStats, cachedBoardHistory } from "../apps/api/src/services/metrics/board-flow-cache";
import { getBoardMetrics } from "../apps/api/src/services/metrics/get-board-metrics";
import { loadBoardFlow } from "../apps/api/src/services/metrics/load-board-flow";
import { loadBoardFlowBaseline } from "./baseline-load-board-flow";
import { loadMetricsFixture } from "./metrics-fixture";

const DEMANDS = Number(process.env.BENCH_DEMANDS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);
const COLD_REPEATS = Math.max(3, Math.round(REPEATS / 3));
/** Issue 5's targets, for the figures on the warm history and right after a move. */
const TARGETS_MS: Record<string, number> = {
  tiles: 100,
  cfdYear: 500,
  tilesAfterMove: 100,
  cfdYearAfterMove: 500,
};

interface Figure {
  name: string;
  what: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Median CPU time of this process: on a shared machine, less disturbed by other work than wall time. */
  nodeCpuMs: number;
  targetMs?: number;
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-bench-metrics-"));
  const embedded = await startEmbeddedPostgres(dataDir, { persistent: false });
  const figures: Figure[] = [];
  try {
    const url = embedded.urlFor("tideway_bench");
    await ensureDatabaseExists(url);
    await applyMigrations(url, path.join(repoRoot, "prisma/migrations"));
    const db = createPrisma(url, { poolSize: 10 });
    const loader = new pg.Client({ connectionString: url });
    await loader.connect();
    try {
      const user = await db.user.create({
        data: { email: "bench@tideway.local", name: "Bench Lead", passwordHash: "!unusable" },
      });
      const board = await createBoard(db, user.id, { name: "Bench", key: "BEN", template: "2-1-1" });
      const now = Date.now();
      // Enough demands parked in Release for every move the measurements make.
      const parkEvery = Math.max(2, Math.floor(DEMANDS / (8 * REPEATS + 40)));
      const fixture = await loadMetricsFixture(loader, board, user.id, { demands: DEMANDS, now, parkEvery });
      console.log(
        `loaded ${fixture.demands} demands, ${fixture.transitions} transitions, ` +
          `${fixture.codeEvents} code events in ${(fixture.loadMs / 1000).toFixed(1)} s`,
      );

      const stages = await db.stage.findMany({ where: { boardId: board.id }, orderBy: { position: "asc" } });
      const flow = await loadBoardFlow(db, board.id);
      const tilesWindow = { from: epochMs(now - 30 * DAY), to: epochMs(now) };
      const yearWindow = { from: epochMs(now - 365 * DAY), to: epochMs(now) };

      figures.push(
        await measure("coldLoad", "loadBoardFlow: whole history from one snapshot", COLD_REPEATS, () =>
          loadBoardFlow(db, board.id),
        ),
        await measure("tiles", "twoOneOneTiles, 30-day window (warm, in memory)", REPEATS, () =>
          twoOneOneTiles(flow.demands, flow.stages, { window: tilesWindow, timeBasis: "calendar" }),
        ),
        await measure("cfdYear", "cumulativeFlow, 365 daily points (warm, in memory)", REPEATS, () =>
          cumulativeFlow(flow.demands, flow.stages, { window: yearWindow }),
        ),
      );

      const call = () => getBoardMetrics(db, user.id, board.id, {}, new Date(Date.now()));
      await call();
      figures.push(
        await measure("serviceWarm", "getBoardMetrics, nothing changed (cached flow)", REPEATS, call),
      );

      const release = stages.find((stage) => stage.name === "Release");
      const done = stages.find((stage) => stage.name === "Done");
      if (!release || !done) throw new Error("the 2-1-1 board lacks Release or Done");
      const candidates = [...fixture.inRelease];
      const moveOne = async () => {
        const demandId = candidates.pop();
        if (!demandId) throw new Error("no demand left in Release to move");
        await moveDemand({ db, events: discardEvents }, user.id, demandId, { toStageId: done.id });
      };
      figures.push(
        await measure(
          "refreshAfterMove",
          "read path only: cached history right after one move",
          REPEATS,
          () => cachedBoardHistory(db, board.id),
          moveOne,
        ),
        await measure(
          "tilesAfterMove",
          "refresh + twoOneOneTiles right after one move",
          REPEATS,
          async () => {
            const { flow: fresh } = await cachedBoardHistory(db, board.id);
            return twoOneOneTiles(fresh.demands, fresh.stages, {
              window: tilesWindow,
              timeBasis: "calendar",
            });
          },
          moveOne,
        ),
        await measure(
          "cfdYearAfterMove",
          "refresh + cumulativeFlow (365 days) right after one move",
          REPEATS,
          async () => {
            const { flow: fresh } = await cachedBoardHistory(db, board.id);
            return cumulativeFlow(fresh.demands, fresh.stages, { window: yearWindow });
          },
          moveOne,
        ),
        await measure(
          "serviceAfterMove",
          "getBoardMetrics right after one move to Done",
          REPEATS,
          call,
          moveOne,
        ),
      );
      const stats = await boardFlowCacheStats(board.id);
      console.log(`metrics cache: ${JSON.stringify(stats)}`);
      const check = await call();
      console.log(`delivered in the last 30 days after the moves: ${check.delivery.count}`);

      // Before: the read this change replaced, in the same run. Its cache reloaded on every change.
      const baseline = await loadBoardFlowBaseline(db, board.id);
      const { flow: current } = await cachedBoardHistory(db, board.id);
      const tilesOf = (of: { demands: DemandFlow[]; stages: FlowStage[] }) =>
        twoOneOneTiles(of.demands, of.stages, { window: tilesWindow, timeBasis: "calendar" });
      const cfdOf = (of: { demands: DemandFlow[]; stages: FlowStage[] }) =>
        cumulativeFlow(of.demands, of.stages, { window: yearWindow });
      const agree =
        JSON.stringify(tilesOf(baseline)) === JSON.stringify(tilesOf(current)) &&
        JSON.stringify(cfdOf(baseline)) === JSON.stringify(cfdOf(current));
      console.log(`tiles and cumulative flow from the cache equal those from the old full read: ${agree}`);
      if (!agree) process.exitCode = 1;
      figures.push(
        await measure("baselineColdLoad", "before: full read (every row through Prisma, by demand)", 3, () =>
          loadBoardFlowBaseline(db, board.id),
        ),
        await measure("baselineTiles", "before: twoOneOneTiles on the old read's flow", REPEATS, () =>
          tilesOf(baseline),
        ),
        await measure(
          "baselineCfdYear",
          "before: cumulativeFlow (365 days) on the old read's flow",
          REPEATS,
          () => cfdOf(baseline),
        ),
        await measure(
          "baselineTilesAfterMove",
          "before: full read + twoOneOneTiles right after one move",
          3,
          async () => tilesOf(await loadBoardFlowBaseline(db, board.id)),
          moveOne,
        ),
      );
      await diagnoseRowRead(loader, db, board.id, figures);
    } finally {
      await loader.end();
      await db.$disconnect();
    }
  } finally {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  printTable(figures);
  console.log(
    `load average (1, 5, 15 min) at start ${fmtLoad(loadAtStart)}, at end ${fmtLoad(os.loadavg())}`,
  );
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAverage: { start: loadAtStart, end: os.loadavg() },
    },
    demands: DEMANDS,
    repeats: REPEATS,
    figures,
  };
  await writeFile(path.join(repoRoot, "bench/results-metrics.json"), `${JSON.stringify(results, null, 2)}\n`);
}

/**
 * Where the time of the old full read went: the per-row query it ran
 * (ordered by demand, then time) on the server alone, the same without the
 * ORDER BY, and both sides through `pg` (rows as arrays) and through Prisma.
 */
async function diagnoseRowRead(client: pg.Client, db: Db, boardId: string, figures: Figure[]) {
  const columns =
    "SELECT demand_id, kind, from_stage_id, to_stage_id, at FROM transitions WHERE board_id = $1::uuid";
  const ordered = `${columns} ORDER BY demand_id, at, id`;
  const server = (sql: string) => () => client.query(`EXPLAIN (ANALYZE, TIMING OFF) ${sql}`, [boardId]);
  figures.push(
    await measure("diagOrderedServer", "diagnostic: old per-row log query, server only", 3, server(ordered)),
    await measure(
      "diagUnorderedServer",
      "diagnostic: same without ORDER BY, server only",
      3,
      server(columns),
    ),
    await measure("diagOrderedPg", "diagnostic: old per-row log query through pg", 3, () =>
      client.query({ text: ordered, values: [boardId], rowMode: "array" }),
    ),
    await measure("diagOrderedPrisma", "diagnostic: old per-row log query through Prisma", 3, () =>
      db.$queryRawUnsafe(ordered, boardId),
    ),
  );
}

async function measure(
  name: string,
  what: string,
  runs: number,
  run: () => unknown,
  before?: () => Promise<void>,
): Promise<Figure> {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (before) await before();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const figure: Figure = {
    name,
    what,
    runs,
    medianMs: round(median(samples)),
    minMs: round(Math.min(...samples)),
    maxMs: round(Math.max(...samples)),
    nodeCpuMs: round(median(cpu)),
  };
  const target = TARGETS_MS[name];
  if (target !== undefined) figure.targetMs = target;
  process.stdout.write(`  ${name}: median ${figure.medianMs} ms\n`);
  return figure;
}

const fmtLoad = (load: number[]) => load.map((value) => value.toFixed(1)).join(", ");

function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => ({
    measure: f.what,
    "median ms": f.medianMs,
    "min ms": f.minMs,
    "max ms": f.maxMs,
    "node cpu ms": f.nodeCpuMs,
    runs: f.runs,
    target:
      f.targetMs === undefined ? "" : `< ${f.targetMs} ms ${f.medianMs < f.targetMs ? "met" : "MISSED"}`,
  }));
  console.table(rows);
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

await main();
