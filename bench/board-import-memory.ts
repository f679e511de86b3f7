/**
 * What a large board import costs the server (issue 19, target 4: a 96 MiB
 * import grows memory by at most 300 MB and never holds the event loop for
 * 500 ms): a synthetic export of BENCH_IMPORT_MIB (default 96) MiB is
 * written to a file, then POSTed over a socket to a server process of its
 * own (bench/board-import-server.ts), once to the import as main did it
 * before (one string, JSON.parse, ZBoardExport.parse) and once to the app's
 * streaming route, while this process asks the server's /api/health/live
 * one request after another. Prints, per way, the server's peak resident
 * set and heap growth, its longest event-loop turn and the health answers
 * and errors; writes bench/results-board-import.json. Not a test (it takes
 * minutes); apps/api/test/board-import-stream.test.ts checks a smaller one.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { repoRoot } from "../apps/api/src/config";
import { applyMigrations, ensureDatabaseExists } from "../apps/api/src/db/migrate";
import { createPrisma } from "../apps/api/src/db/prisma";
import { startSession } from "../apps/api/src/services/auth/sessions";
import { syntheticBoardExport } from "../apps/api/test/helpers/synthetic-board-export";
import { postOverSocket } from "../apps/api/test/helpers/watch-import";
import { withEmbeddedPostgres } from "./bench-database";

const MiB = 1024 * 1024;
const SIZE_MIB = Number(process.env.BENCH_IMPORT_MIB ?? 96);

interface Report {
  peakRssGrowthMB: number;
  peakHeapGrowthMB: number;
  maxLoopDelayMs: number;
  baselineRssMB: number;
}

/** The server process stopped (it exits once this process disconnects, writing any profile). */
function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve) => child.once("message", (message) => resolve(message as T)));
}

async function health(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    request({ host: "127.0.0.1", port, path: "/api/health/live" }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode === 200));
    })
      .on("error", () => resolve(false))
      .end();
  });
}

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
        const child = fork(path.join(repoRoot, "bench/board-import-server.ts"), {
          // BENCH_SERVER_NODE_OPTIONS: for example --cpu-prof to see where the server spends its turns.
          execArgv: [
            "--import",
            "tsx",
            "--expose-gc",
            ...(process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(" ").filter(Boolean),
          ],
          env: { ...process.env, DATABASE_URL: url, IMPORTER_ID: user.id },
        });
        const ports = await nextMessage<{ appPort: number; wholePort: number }>(child);
        child.send("start");
        await nextMessage(child);
        let done = false;
        let answers = 0;
        let errors = 0;
        const poller = (async () => {
          while (!done) {
            if (await health(ports.appPort)) answers++;
            else errors++;
          }
        })();
        const started = performance.now();
        const port = way === "whole" ? ports.wholePort : ports.appPort;
        const response = await postOverSocket(
          port,
          `/api/boards/import?key=${way.toUpperCase()}`,
          `tideway_session=${token}`,
          createReadStream(file),
        );
        const seconds = (performance.now() - started) / 1000;
        done = true;
        await poller;
        child.send("report");
        const report = await nextMessage<Report>(child);
        child.disconnect();
        await exited(child);
        if (response.statusCode !== 201)
          throw new Error(`${way}: ${response.statusCode} ${response.text.slice(0, 300)}`);
        rows.push({
          way,
          MiB: Number((bytes / MiB).toFixed(1)),
          baselineRssMB: Math.round(report.baselineRssMB),
          peakRssGrowthMB: Math.round(report.peakRssGrowthMB),
          peakHeapGrowthMB: Math.round(report.peakHeapGrowthMB),
          maxLoopDelayMs: Math.round(report.maxLoopDelayMs),
          healthAnswers: answers,
          healthErrors: errors,
          seconds: Number(seconds.toFixed(1)),
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
