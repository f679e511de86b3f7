/**
 * The server side of bench/board-import-memory.ts, in a process of its own
 * so its memory is the server's alone: the app (whose import route streams)
 * and, beside it, the import as main did it before issue 19 (the body as one
 * string, JSON.parse, ZBoardExport.parse, importBoard) on a plain HTTP
 * server, for a before/after in the same sitting. On "start" it takes its
 * baseline (after a collection) and samples its resident set and heap every
 * 10 ms and the event loop's delay until "report". With LIVE_HEAP_SAMPLE_MS
 * set it also collects garbage that often and records the heap still live
 * (what the import holds, whatever the collector's pace); a test's figure,
 * not the bench's, as each collection holds the event loop. With
 * ALLOCATION_PROFILE set to a file name it samples every allocation from
 * "start" to "report", collected ones included (what the collector has to
 * keep up with, not only what survives), and writes a .heapprofile there
 * (Chrome DevTools' Memory tab opens it).
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { Session } from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { ZBoardExport } from "@tideway/contracts";
import { buildApp } from "../apps/api/src/app";
import { loadConfig } from "../apps/api/src/config";
import { createPrisma, preloadQueryCompiler } from "../apps/api/src/db/prisma";
import { limitHeapGrowth } from "../apps/api/src/heap-growth";
import { importBoard } from "../apps/api/src/services/board-export/import-board";

const send = (message: unknown) => process.send?.(message);
// As run-server.ts does, so the bench measures the server's heap policy.
limitHeapGrowth();
const db = createPrisma(process.env.DATABASE_URL as string, { poolSize: 10 });
// As run-server.ts does, so Prisma's compiler is not parsed during the measured import.
await preloadQueryCompiler();
const app = await buildApp({
  config: { ...loadConfig({ LOG_LEVEL: "silent" }), webDistDir: "/nonexistent", sleSweepIntervalMs: 0 },
  db,
});
await app.listen({ port: 0, host: "127.0.0.1" });

const whole = createServer(async (request, response) => {
  try {
    let body = "";
    request.setEncoding("utf8");
    for await (const chunk of request) body += chunk;
    const document = ZBoardExport.parse(JSON.parse(body));
    const url = new URL(request.url ?? "/", "http://localhost");
    const result = await importBoard(db, process.env.IMPORTER_ID as string, document, {
      key: url.searchParams.get("key") ?? undefined,
    });
    response.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify(result));
  } catch (error) {
    response.writeHead(400).end(JSON.stringify({ message: String(error).slice(0, 500) }));
  }
});
await new Promise<void>((resolve) => whole.listen(0, "127.0.0.1", resolve));

const gc = (globalThis as { gc?: () => void }).gc;
let baseline = process.memoryUsage();
let peakRss = 0;
let peakHeap = 0;
let peakLiveHeap = 0;
let sampler: NodeJS.Timeout | undefined;
let liveSampler: NodeJS.Timeout | undefined;
const liveSampleMs = Number(process.env.LIVE_HEAP_SAMPLE_MS ?? 0);
const sampleLive = () => {
  gc?.();
  peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
};
const loop = monitorEventLoopDelay({ resolution: 10 });
/**
 * The main thread's CPU time between two samples, the longest seen: what the
 * longest turn of the event loop cost in work, whatever the machine's load
 * (the loop's delay is wall time, and on a loaded machine mostly waiting for
 * a core). Node 23.9+ (process.threadCpuUsage); 0 on older ones.
 */
let lastThreadCpuUs = 0;
let maxTurnCpuUs = 0;
const threadCpuUs = () => {
  const usage = process.threadCpuUsage?.();
  return usage === undefined ? 0 : usage.user + usage.system;
};
const sample = () => {
  const cpuUs = threadCpuUs();
  maxTurnCpuUs = Math.max(maxTurnCpuUs, cpuUs - lastThreadCpuUs);
  lastThreadCpuUs = cpuUs;
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed + now.external + now.arrayBuffers);
};
const allocationProfile = process.env.ALLOCATION_PROFILE;
const profiler = new Session();
if (allocationProfile) profiler.connect();
process.on("message", async (message) => {
  if (message === "start") {
    if (allocationProfile) {
      await profiler.post("HeapProfiler.startSampling", {
        samplingInterval: 64 * 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    gc?.();
    baseline = process.memoryUsage();
    peakRss = baseline.rss;
    peakHeap = baseline.heapUsed + baseline.external + baseline.arrayBuffers;
    peakLiveHeap = baseline.heapUsed;
    lastThreadCpuUs = threadCpuUs();
    maxTurnCpuUs = 0;
    sampler = setInterval(sample, 10);
    if (liveSampleMs > 0) liveSampler = setInterval(sampleLive, liveSampleMs);
    loop.reset();
    loop.enable();
    send({ started: true });
  } else if (message === "report") {
    sample();
    if (allocationProfile) {
      const { profile } = await profiler.post("HeapProfiler.stopSampling");
      writeFileSync(allocationProfile, JSON.stringify(profile));
    }
    clearInterval(sampler);
    clearInterval(liveSampler);
    loop.disable();
    send({
      baselineRssMB: baseline.rss / 1e6,
      peakRssGrowthMB: (peakRss - baseline.rss) / 1e6,
      peakHeapGrowthMB: (peakHeap - (baseline.heapUsed + baseline.external + baseline.arrayBuffers)) / 1e6,
      maxLoopDelayMs: loop.max / 1e6,
      maxTurnCpuMs: maxTurnCpuUs / 1000,
      peakLiveHeapGrowthMB: (peakLiveHeap - baseline.heapUsed) / 1e6,
    });
  }
});
// The bench disconnects when it has its report: close everything so the process ends (and writes a --cpu-prof).
process.on("disconnect", () => {
  whole.close();
  void app.close().then(() => db.$disconnect());
});
send({
  appPort: (app.server.address() as AddressInfo).port,
  wholePort: (whole.address() as AddressInfo).port,
});
