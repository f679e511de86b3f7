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
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { cumulativeFlow, type DemandFlow, type FlowStage, twoOneOneTiles } from "@tideway/domain";
import type pg from "pg";
import { repoRoot } from "../apps/api/src/config";
import type { Db } from "../apps/api/src/db/prisma";
import { boardFlowCacheStats, cachedBoardHistory } from "../apps/api/src/services/metrics/board-flow-cache";
import { loadBoardFlowBaseline } from "./baseline-load-board-flow";
import { withBenchDatabase } from "./bench-database";
import { type Figure, measure, printFigures } from "./bench-figures";
import { runMetricsSuite } from "./metrics-suite";

const DEMANDS = Number(process.env.BENCH_DEMANDS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const figures: Figure[] = [];
  await withBenchDatabase("tideway-bench-metrics-", async (db, loader) => {
    const suite = await runMetricsSuite(db, loader, { demands: DEMANDS, repeats: REPEATS });
    figures.push(...suite.figures);
    const { boardId, tilesWindow, yearWindow, moveOne, serviceCall: call } = suite;
    const stats = await boardFlowCacheStats(boardId);
    console.log(`metrics cache: ${JSON.stringify(stats)}`);
    const check = (await call()) as { delivery: { count: number } };
    console.log(`delivered in the last 30 days after the moves: ${check.delivery.count}`);

    // Before: the read this change replaced, in the same run. Its cache reloaded on every change.
    const baseline = await loadBoardFlowBaseline(db, boardId);
    const { flow: current } = await cachedBoardHistory(db, boardId);
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
        loadBoardFlowBaseline(db, boardId),
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
        async () => tilesOf(await loadBoardFlowBaseline(db, boardId)),
        moveOne,
      ),
    );
    await diagnoseRowRead(loader, db, boardId, figures);
  });

  printFigures(figures);
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

const fmtLoad = (load: number[]) => load.map((value) => value.toFixed(1)).join(", ");

await main();
