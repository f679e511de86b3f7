/**
 * A 2,048-commit GitHub push (issue 19, target 5: stored in under 1 s; it
 * took 6.7 s as one insert per commit). Sends BENCH_RUNS (3) signed pushes,
 * each of 2,048 commits naming the board's demands, to a running app and
 * prints the median time to the receipt. Run alone with `npm run
 * bench:webhook-push` (BENCH_PORT, default 3312) or within `npm run bench`.
 */
import { createHmac, randomUUID } from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { DAY } from "@tideway/domain";
import pg from "pg";
import { createPrisma } from "../apps/api/src/db/prisma";
import { startAppUnderTest } from "./app-under-test";
import { createBenchBoard, createBenchUser } from "./bench-boards";
import { median, round1 } from "./bench-stats";

const COMMITS = 2_048;
export const WEBHOOK_TARGET_MS = 1_000;

export async function runWebhookPush(appUrl: string, databaseUrl: string, runs: number) {
  const db = createPrisma(databaseUrl, { poolSize: 2 });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const user = await createBenchUser(db, `webhooks-${Date.now()}@bench.local`);
    const key = `HOOK${Date.now() % 100_000}`;
    const board = await createBenchBoard(db, client, user.id, {
      name: "Webhook bench",
      key,
      placements: Array.from({ length: 100 }, () => ({ stage: 2, lane: 1 })),
    });
    const rotated = await fetch(`${appUrl}/api/boards/${board.id}/webhook-secrets`, {
      method: "POST",
      headers: { authorization: `Bearer ${user.apiToken}`, "content-type": "application/json" },
      body: "{}",
    });
    const secret = ((await rotated.json()) as { secret: { secret: string } }).secret.secret;
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const body = JSON.stringify(pushOf(run, key));
      const started = performance.now();
      const response = await fetch(`${appUrl}/api/hooks/${board.id}/github`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "push",
          "x-github-delivery": randomUUID(),
          "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
        },
        body,
      });
      await response.arrayBuffer();
      times.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`the push was answered ${response.status}`);
      console.log(`  push of ${COMMITS} commits, run ${run + 1}: ${round1(times.at(-1) ?? 0)} ms`);
    }
    return { commits: COMMITS, runs, medianMs: round1(median(times)), maxMs: round1(Math.max(...times)) };
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

function pushOf(run: number, key: string) {
  const at = Date.UTC(2026, 2, 3, 9) + run * DAY;
  return {
    ref: "refs/heads/main",
    after: "f".repeat(40),
    repository: { full_name: "acme/bench", default_branch: "main" },
    commits: Array.from({ length: COMMITS }, (_, n) => ({
      id: `${run.toString(16).padStart(2, "0")}${n.toString(16).padStart(6, "0")}${"a".repeat(32)}`,
      message: `${key}-${(n % 100) + 1}: step ${n} of the bench push`,
      timestamp: new Date(at + n * 1_000).toISOString(),
      author: { name: "Bench", email: "bench@example.com" },
    })),
  };
}

async function main(): Promise<void> {
  const port = Number(process.env.BENCH_PORT ?? 3312);
  const loadAtStart = os.loadavg();
  const app = await startAppUnderTest(port);
  try {
    const run = await runWebhookPush(app.url, app.databaseUrl, Number(process.env.BENCH_RUNS ?? 3));
    console.table([run]);
    console.log(
      `${COMMITS}-commit push stored in ${run.medianMs} ms (median; target < ${WEBHOOK_TARGET_MS}: ` +
        `${run.medianMs < WEBHOOK_TARGET_MS ? "met" : "NOT met"})`,
    );
  } finally {
    await app.stop();
  }
  const fmt = (load: number[]) => load.map((value) => value.toFixed(1)).join(", ");
  console.log(`load average at start ${fmt(loadAtStart)}, at end ${fmt(os.loadavg())}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
