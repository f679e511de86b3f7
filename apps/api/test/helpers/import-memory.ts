import { type ChildProcess, fork } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import type { Readable } from "node:stream";
import { repoRoot } from "../../src/config";
import { postOverSocket } from "./watch-import";

/** What the server process went through during one import (bench/board-import-server.ts measures it). */
export interface ImportMemoryReport {
  baselineRssMB: number;
  /** Highest resident set seen, above the baseline taken (after a collection) just before the import. */
  peakRssGrowthMB: number;
  /** Highest V8 heap plus external memory and array buffers seen, above the baseline. */
  peakHeapGrowthMB: number;
  maxLoopDelayMs: number;
  /** The main thread's CPU time in the longest stretch between two 10 ms samples (0 before Node 23.9). */
  maxTurnCpuMs: number;
  /** Highest heap still live after a collection, above the baseline (only with `liveSampleMs`). */
  peakLiveHeapGrowthMB: number;
}

export interface ImportInProcessRun {
  statusCode: number;
  text: string;
  report: ImportMemoryReport;
  healthAnswers: number;
  healthErrors: number;
  seconds: number;
}

/**
 * POSTs `body` to a board import served by a server process of its own
 * (bench/board-import-server.ts: the app, whose route streams, and beside it
 * the import as it was before issue 19, `way: "whole"`), so the memory it
 * reports is the import's alone, while this process asks the app's
 * /api/health/live one request after another until the answer is in (the
 * barrier). The server process is stopped before this returns.
 */
export async function importInServerProcess(options: {
  databaseUrl: string;
  importerId: string;
  cookie: string;
  way: "whole" | "stream";
  key: string;
  body: () => Readable;
  /** Extra node options for the server (the bench passes --cpu-prof on request). */
  nodeOptions?: string[];
  /** Collect garbage this often during the import and report the live heap's peak. */
  liveSampleMs?: number;
}): Promise<ImportInProcessRun> {
  const child = fork(path.join(repoRoot, "bench/board-import-server.ts"), {
    execArgv: ["--import", "tsx", "--expose-gc", ...(options.nodeOptions ?? [])],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      IMPORTER_ID: options.importerId,
      LIVE_HEAP_SAMPLE_MS: String(options.liveSampleMs ?? 0),
    },
  });
  try {
    const ports = await nextMessage<{ appPort: number; wholePort: number }>(child);
    child.send("start");
    await nextMessage(child);
    let done = false;
    let healthAnswers = 0;
    let healthErrors = 0;
    const poller = (async () => {
      while (!done) {
        if (await healthAnswers200(ports.appPort)) healthAnswers++;
        else healthErrors++;
      }
    })();
    const started = performance.now();
    const port = options.way === "whole" ? ports.wholePort : ports.appPort;
    const response = await postOverSocket(
      port,
      `/api/boards/import?key=${options.key}`,
      options.cookie,
      options.body(),
    ).finally(() => {
      done = true;
    });
    const seconds = (performance.now() - started) / 1000;
    await poller;
    child.send("report");
    const report = await nextMessage<ImportMemoryReport>(child);
    return { ...response, report, healthAnswers, healthErrors, seconds };
  } finally {
    if (child.connected) child.disconnect();
    await exited(child);
  }
}

/** The server process stopped (it exits once this process disconnects, writing any profile). */
function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error("the import server process exited"));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message as T);
    });
  });
}

function healthAnswers200(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    request({ host: "127.0.0.1", port, path: "/api/health/live" }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode === 200));
    })
      .on("error", () => resolve(false))
      .end();
  });
}
