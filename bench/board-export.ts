/**
 * Board export/import benchmark: how large an export is per transition and
 * how long the export and the import take as their routes do them (the
 * export service and JSON text; JSON.parse, the contract's zod validation and
 * the one import transaction), on the metrics benchmark's realistic history. The figures
 * back the import route's body limit (routes/board-export.ts). Not a test:
 * prints medians and writes bench/results-board-export.json.
 * Run with `npm run bench:board-export`; BENCH_DEMANDS (default 10,000,
 * about 100,000 transitions and 50 MB of JSON) and BENCH_REPEATS scale it.
 */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type TBoardExport, type TImportBoardResult, type TMetrics, ZBoardExport } from "@tideway/contracts";
import { DAY } from "@tideway/domain";
import { repoRoot } from "../apps/api/src/config";
import { exportBoard } from "../apps/api/src/services/board-export/export-board";
import { importBoard } from "../apps/api/src/services/board-export/import-board";
import { createBoard } from "../apps/api/src/services/boards/create-board";
import { getBoardMetrics } from "../apps/api/src/services/metrics/get-board-metrics";
import { createBenchUser } from "./bench-boards";
import { withBenchDatabase } from "./bench-database";
import { median } from "./bench-stats";
import { loadMetricsFixture } from "./metrics-fixture";

const DEMANDS = Number(process.env.BENCH_DEMANDS ?? 10_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

async function main(): Promise<void> {
  await withBenchDatabase("tideway-bench-export-", async (db, loader) => {
    const user = await createBenchUser(db);
    const board = await createBoard(db, user.id, { name: "Bench", key: "BEN", template: "2-1-1" });
    const now = Date.now();
    const fixture = await loadMetricsFixture(loader, board, user.id, { demands: DEMANDS, now });
    console.log(
      `loaded ${fixture.demands} demands, ${fixture.transitions} transitions, ${fixture.codeEvents} code events`,
    );

    const exportMs: number[] = [];
    const importMs: number[] = [];
    const validateMs: number[] = [];
    let body = "";
    let document: TBoardExport | null = null;
    let imported: TImportBoardResult | null = null;
    for (let run = 0; run < REPEATS; run++) {
      let started = performance.now();
      body = JSON.stringify(await exportBoard(db, user.id, board.id));
      exportMs.push(performance.now() - started);
      started = performance.now();
      document = ZBoardExport.parse(JSON.parse(body));
      validateMs.push(performance.now() - started);
      imported = await importBoard(db, user.id, document, { key: `IMP${run}` });
      importMs.push(performance.now() - started);
    }
    if (process.env.BENCH_SAVE) await writeFile(process.env.BENCH_SAVE, body);
    if (!document) throw new Error("BENCH_REPEATS must be at least 1");
    const window = {
      from: new Date(now - 365 * DAY).toISOString(),
      to: new Date(now).toISOString(),
    };
    const tiles = async (boardId: string) => {
      const metrics: TMetrics = await getBoardMetrics(db, user.id, boardId, window);
      return [metrics.delivery, metrics.development, metrics.release].map(({ count, p50, p85, p95 }) => ({
        count,
        p50,
        p85,
        p95,
      }));
    };
    const metricsEqual =
      imported !== null &&
      JSON.stringify(await tiles(board.id)) === JSON.stringify(await tiles(imported.boardId));
    const transitionJson = JSON.stringify(document.transitions);
    const results = {
      demands: document.demands.length,
      transitions: document.transitions.length,
      codeEvents: document.codeEvents.length,
      exportBytes: Buffer.byteLength(body),
      bytesPerTransition: Math.round(Buffer.byteLength(transitionJson) / document.transitions.length),
      bytesPerTransitionAllIn: Math.round(Buffer.byteLength(body) / document.transitions.length),
      exportMedianMs: Math.round(median(exportMs)),
      importMedianMs: Math.round(median(importMs)),
      importParseAndValidateMedianMs: Math.round(median(validateMs)),
      runs: REPEATS,
      yearOfTilesEqualAfterImport: metricsEqual,
      loadAverage: os.loadavg()[0],
    };
    console.table(results);
    await writeFile(
      path.join(repoRoot, "bench/results-board-export.json"),
      `${JSON.stringify(results, null, 2)}\n`,
    );
  });
}

await main();
