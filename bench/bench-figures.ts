import { median, round1 } from "./bench-stats";

/** One timed measurement, repeated `runs` times. */
export interface Figure {
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

/** Runs `run` `runs` times (after `before`, which is not timed) and summarises the wall and CPU times. */
export async function measure(
  name: string,
  what: string,
  runs: number,
  run: () => unknown,
  before?: () => Promise<void>,
  targetMs?: number,
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
    medianMs: round1(median(samples)),
    minMs: round1(Math.min(...samples)),
    maxMs: round1(Math.max(...samples)),
    nodeCpuMs: round1(median(cpu)),
  };
  if (targetMs !== undefined) figure.targetMs = targetMs;
  process.stdout.write(`  ${name}: median ${figure.medianMs} ms\n`);
  return figure;
}

export function printFigures(figures: readonly Figure[]): void {
  console.table(
    figures.map((f) => ({
      measure: f.what,
      "median ms": f.medianMs,
      "min ms": f.minMs,
      "max ms": f.maxMs,
      "node cpu ms": f.nodeCpuMs,
      runs: f.runs,
      target:
        f.targetMs === undefined ? "" : `< ${f.targetMs} ms ${f.medianMs < f.targetMs ? "met" : "MISSED"}`,
    })),
  );
}
