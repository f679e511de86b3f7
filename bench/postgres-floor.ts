/**
 * What PostgreSQL alone does on this machine (issue 9: "where a target is
 * physically out of reach here, show why with numbers"). pgbench runs its
 * TPC-B-like transaction (BEGIN, three UPDATEs, a SELECT, an INSERT, COMMIT:
 * about the shape of a move, with fewer reads and no HTTP, JSON or
 * authentication) from 50 clients against an embedded PostgreSQL started
 * the way Tideway starts it, with prepared statements, so the figure is the
 * ceiling for any transaction of that shape here, not a property of Tideway.
 * pgbench comes with PostgreSQL's client tools (Debian: postgresql-client);
 * without it the floor is skipped.
 */
import { spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ensureDatabaseExists } from "../apps/api/src/db/migrate";
import { withEmbeddedPostgres } from "./bench-database";
import { percentile } from "./bench-stats";

export interface PostgresFloor {
  clients: number;
  seconds: number;
  /** As fast as it goes: committed transactions per second, excluding connection set-up. */
  transactionsPerSecond: number;
  latencyAverageMs: number;
  /** Throttled to `fixedRate` transactions per second: latency as a client sees it (waiting included). */
  fixedRate: number;
  fixedRateP50Ms: number;
  fixedRateP99Ms: number;
}

export function pgbenchAvailable(): boolean {
  return spawnSync("pgbench", ["--version"]).status === 0;
}

export async function measurePostgresFloor(
  clients: number,
  seconds: number,
  fixedRate: number,
): Promise<PostgresFloor> {
  return withEmbeddedPostgres("tideway-pg-floor-", async (embedded, dataDir) => {
    const url = embedded.urlFor("pgbench");
    await ensureDatabaseExists(url);
    pgbench(["--initialize", "--quiet", "--scale=10", url]);
    const load = [
      `--client=${clients}`,
      "--jobs=2",
      `--time=${seconds}`,
      "--protocol=prepared",
      "--no-vacuum",
    ];
    const output = pgbench([...load, url]);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1];
    const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
    if (!tps || !latency) throw new Error(`unexpected pgbench output:\n${output}`);

    // Per-transaction log lines: client, transaction, time (µs), script, epoch s, epoch µs, schedule lag (µs).
    const logPrefix = path.join(dataDir, "throttled");
    pgbench([...load, `--rate=${fixedRate}`, "--log", `--log-prefix=${logPrefix}`, url]);
    const latencies: number[] = [];
    for (const file of (await readdir(dataDir)).filter((name) => name.startsWith("throttled"))) {
      for (const line of (await readFile(path.join(dataDir, file), "utf8")).split("\n")) {
        const fields = line.split(" ");
        if (fields.length >= 7) latencies.push((Number(fields[2]) + Number(fields[6])) / 1000);
      }
    }
    return {
      clients,
      seconds,
      transactionsPerSecond: Number(tps),
      latencyAverageMs: Number(latency),
      fixedRate,
      fixedRateP50Ms: percentile(latencies, 50),
      fixedRateP99Ms: percentile(latencies, 99),
    };
  });
}

function pgbench(args: string[]): string {
  const run = spawnSync("pgbench", args, { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pgbench ${args[0]} failed: ${run.stderr}`);
  return run.stdout;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await measurePostgresFloor(50, Number(process.env.BENCH_SECONDS ?? 8), 1_000));
}
