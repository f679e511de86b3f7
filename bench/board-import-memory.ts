/**
 * What a large board import costs the server (issue 19, target 4: a 96 MiB
 * import grows memory by at most 300 MB and never holds the event loop for
 * 500 ms): a synthetic export of BENCH_IMPORT_MIB (default 96) MiB is
 * written to a file, then POSTed over a socket to a server process of its
 * own (bench/board-import-server.ts), once to the import as main did it
 * before (one string, JSON.parse, ZBoardExport.parse) and once to the app's
 * streaming route, while this process asks the server's /api/health/live
 * one request after another. Prints, per way, the server's peak resident
 * set and heap growth, its longest event-loop turn (maxLoopDelayMs, wall
 * time) and the main thread's CPU time in its longest stretch (maxTurnCpuMs:
 * the work a turn held, apart from the wait for a core on a loaded machine),
 * the health answers and errors, and the load average; writes
 * bench/results-board-import.json. Not a test (it takes
 * minutes); apps/api/test/board-import-memory.test.ts bounds a smaller
 * import's memory the same way (apps/api/test/helpers/import-memory.ts).
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { repoRoot } from "../apps/api/src/config";
import { applyMigrations, ensureDatabaseExists } from "../apps/api/src/db/migrate";
import { createPrisma } from "../apps/api/src/db/prisma";
import { startSession } from "../apps/api/src/services/auth/sessions";
import { importInServerProcess } from "../apps/api/test/helpers/import-memory";
import { syntheticBoardExport } from "../apps/api/test/helpers/synthetic-board-export";
import { withEmbeddedPostgres } from "./bench-database";

const MiB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_IMPORT_MIB ?? 96);

async function main(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "tideway-bench-import-file-"));
  const file = path.join(folder, "export.json");
  await pipeline(Readable.from(syntheticBoardExport({ sizeBytes: SIZE_MIB * MiB })), createWriteStream(file));
  const bytes = (await stat(file)).size;
  console.log(`wrote a ${(bytes / MiB).toFixed(1)} MiB export`);
  try {
    await withEmbeddedPostgres("tideway-bench-import-", async (embedded) => {
      const url = embedded.urlFor("tideway_bench");
      await ensureDatabaseExists(url);
      await applyMigrations(url, path.join(repoRoot, "prisma/migrations"));
      const db = createPrisma(url, { poolSize: 2 });
      const user = await db.user.create({
        data: { email: "bench-import@example.test", name: "Bench", passwordHash: "!unusable" },
      });
      const { token } = await startSession(db, user.id);
      await db.$disconnect();
      const rows: Record<string, unknown>[] = [];
      const ways = (process.env.BENCH_IMPORT_WAYS ?? "whole,stream").split(",") as ("whole" | "stream")[];
      for (const way of ways) {
        const run = await importInServerProcess({
          databaseUrl: url,
          importerId: user.id,
          cookie: `tideway_session=${token}`,
          way,
          key: way.toUpperCase(),
          body: () => createReadStream(file),
          // BENCH_SERVER_NODE_OPTIONS: for example --cpu-prof to see where the server spends its turns.
          nodeOptions: (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(" ").filter(Boolean),
        });
        if (run.statusCode !== 201) throw new Error(`${way}: ${run.statusCode} ${run.text.slice(0, 300)}`);
        rows.push({
          way,
          MiB: Number((bytes / MiB).toFixed(1)),
          baselineRssMB: Math.round(run.report.baselineRssMB),
          peakRssGrowthMB: Math.round(run.report.peakRssGrowthMB),
          peakHeapGrowthMB: Math.round(run.report.peakHeapGrowthMB),
          maxLoopDelayMs: Math.round(run.report.maxLoopDelayMs),
          maxTurnCpuMs: Math.round(run.report.maxTurnCpuMs),
          healthAnswers: run.healthAnswers,
          healthErrors: run.healthErrors,
          seconds: Number(run.seconds.toFixed(1)),
        });
      }
      const results = {
        rows,
        target: "stream: peakRssGrowthMB <= 300 and maxLoopDelayMs < 500",
        met: rows.some(
          (row) =>
            row.way === "stream" &&
            (row.peakRssGrowthMB as number) <= 300 &&
            (row.maxLoopDelayMs as number) < 500,
        ),
        loadAverage: os.loadavg()[0],
      };
      console.table(rows);
      console.log(`target (${results.target}) met: ${results.met}`);
      await writeFile(
        path.join(repoRoot, "bench/results-board-import.json"),
        `${JSON.stringify(results, null, 2)}\n`,
      );
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
