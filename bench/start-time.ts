/**
 * How long a second `npm start` takes (issue 20: it skips the web build and is at least 3x
 * faster than the restart of commit 22a8686), measured in one run against a baseline checkout:
 * BENCH_START_BASELINE names a built checkout of the baseline whose data folder was used once,
 * so its next start is a restart too. Each pair starts the baseline, then this checkout (each
 * on a port of its own from BENCH_START_PORT, default 3521), timing `npm start` from spawn to
 * the line "Tideway is running at", then stopping it as Ctrl-C does (SIGINT to its process
 * group) and waiting for it to exit. One start of each comes first and is not counted (it
 * builds and seeds this checkout when needed, and warms the file and compile caches).
 * BENCH_START_PAIRS (default 8) pairs; prints medians, their ratio and the load average, and
 * writes bench/results-start-time.json.
 *
 *   BENCH_START_BASELINE=/path/to/22a8686 npm run bench:start
 */
import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../apps/api/src/config";
import { median } from "./bench-stats";

const READY_LINE = "Tideway is running at";
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

interface Start {
  seconds: number;
  output: string;
}

interface Checkout {
  label: string;
  folder: string;
  port: number;
}

async function main(): Promise<void> {
  const baselineFolder = process.env.BENCH_START_BASELINE;
  if (!baselineFolder) {
    console.error("Set BENCH_START_BASELINE to a built checkout of the baseline (for issue 20: 22a8686).");
    process.exit(2);
  }
  const pairs = Number(process.env.BENCH_START_PAIRS ?? 8);
  const port = Number(process.env.BENCH_START_PORT ?? 3521);
  const baseline: Checkout = { label: commitOf(baselineFolder), folder: baselineFolder, port };
  const candidate: Checkout = { label: commitOf(repoRoot), folder: repoRoot, port: port + 1 };

  for (const checkout of [baseline, candidate]) {
    const warmUp = await timeStart(checkout);
    console.log(`warm-up ${checkout.label}: ${warmUp.seconds.toFixed(2)} s (not counted)`);
  }
  const loadAtStart = os.loadavg();
  const runs: { baseline: Start; candidate: Start }[] = [];
  for (let pair = 1; pair <= pairs; pair++) {
    const run = { baseline: await timeStart(baseline), candidate: await timeStart(candidate) };
    runs.push(run);
    console.log(
      `pair ${pair}/${pairs}: ${baseline.label} ${run.baseline.seconds.toFixed(2)} s, ${candidate.label} ${run.candidate.seconds.toFixed(2)} s`,
    );
  }
  const loadAtEnd = os.loadavg();

  const baselineMedian = median(runs.map((run) => run.baseline.seconds));
  const candidateMedian = median(runs.map((run) => run.candidate.seconds));
  const lastCandidateOutput = runs.at(-1)?.candidate.output ?? "";
  const summary = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    pairs,
    baseline: { commit: baseline.label, medianSeconds: round2(baselineMedian) },
    candidate: {
      commit: candidate.label,
      medianSeconds: round2(candidateMedian),
      skippedWebBuild: runs.every((run) => run.candidate.output.includes("build: web app is up to date")),
      warnings: warningLines(lastCandidateOutput),
    },
    ratio: round2(baselineMedian / candidateMedian),
    loadAverage: { start: loadAtStart, end: loadAtEnd },
    runs: runs.map((run) => ({
      baseline: round2(run.baseline.seconds),
      candidate: round2(run.candidate.seconds),
    })),
  };
  writeFileSync(
    path.join(repoRoot, "bench/results-start-time.json"),
    `${JSON.stringify(summary, null, 2)}\n`,
  );
  console.log(
    `\nsecond npm start, median of ${pairs} interleaved pairs: ${baseline.label} ${baselineMedian.toFixed(2)} s, ` +
      `${candidate.label} ${candidateMedian.toFixed(2)} s, ${summary.ratio}x faster`,
  );
  console.log(`web build skipped on every start: ${summary.candidate.skippedWebBuild ? "yes" : "NO"}`);
  console.log(`warnings in the last start's output: ${summary.candidate.warnings.length || "none"}`);
  for (const line of summary.candidate.warnings) console.log(`  ${line}`);
  console.log(`load average (1, 5, 15 min) at start ${fmtLoad(loadAtStart)}, at end ${fmtLoad(loadAtEnd)}`);
}

/** Runs `npm start` in a process group of its own, times it to the ready line, then stops it like Ctrl-C. */
function timeStart({ folder, port }: Checkout): Promise<Start> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("npm", ["start"], {
      cwd: folder,
      env: { ...process.env, PORT: String(port) },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let seconds: number | undefined;
    const giveUp = setTimeout(() => stop("SIGKILL"), START_TIMEOUT_MS);
    const stop = (signal: NodeJS.Signals) => {
      try {
        process.kill(-(child.pid ?? 0), signal);
      } catch {
        // Already gone.
      }
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (seconds === undefined && output.includes(READY_LINE)) {
        seconds = (performance.now() - started) / 1000;
        // The lines printed with the ready line arrive in the same write.
        stop("SIGINT");
        setTimeout(() => stop("SIGKILL"), STOP_TIMEOUT_MS).unref();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(giveUp);
      if (seconds === undefined) reject(new Error(`npm start in ${folder} never got ready:\n${output}`));
      else resolve({ seconds, output });
    });
  });
}

/** Lines a person would wonder about: npm's and Node's warnings, and the app's own. */
function warningLines(output: string): string[] {
  return output.split("\n").filter((line) => /warn/i.test(line));
}

/** The checkout's commit, or the folder's name when it is no git checkout. */
function commitOf(folder: string): string {
  try {
    return execFileSync("git", ["-C", folder, "rev-parse", "--short", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return path.basename(folder);
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const fmtLoad = (load: number[]) => load.map((value) => value.toFixed(1)).join(", ");

await main();
