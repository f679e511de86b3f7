/**
 * `npm run bench:move-statements`: the SQL statements one `POST
 * /api/demands/:id/move` sends to PostgreSQL, and the app's CPU time per move
 * measured in-process (no HTTP client, no other load), for profiling the move
 * path (issue 9). Each statement is a round trip and a parse, plan and
 * execute in PostgreSQL, so their number is what the move's cost scales with.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { buildApp } from "../apps/api/src/app";
import { loadConfig } from "../apps/api/src/config";
import { createBenchBoard, createBenchUser, STAGES } from "./bench-boards";
import { withBenchDatabase } from "./bench-database";
import { median } from "./bench-stats";

const MOVES = Number(process.env.BENCH_MOVES ?? 400);

// Every query of every pg client in this process (Prisma's adapter included) passes here.
const statements: string[] = [];
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  const [config] = args;
  statements.push(typeof config === "string" ? config : String((config as { text?: string })?.text));
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

await withBenchDatabase("tideway-move-statements-", async (db, loader) => {
  const app = await buildApp({ config: loadConfig({ ...process.env, LOG_LEVEL: "warn" }), db });
  try {
    const user = await createBenchUser(db);
    const board = await createBenchBoard(db, loader, user.id, {
      name: "Statements",
      key: "ST",
      placements: Array.from({ length: MOVES }, () => ({ stage: 0, lane: 1 })),
      stageLimits: Object.fromEntries(STAGES.map((name) => [name, null])),
    });
    const move = (demandId: string, stage: number) =>
      app.inject({
        method: "POST",
        url: `/api/demands/${demandId}/move`,
        headers: { authorization: `Bearer ${user.apiToken}` },
        payload: { toStageId: board.stageIds[stage], toLaneId: board.laneIds[1], idempotencyKey: demandId },
      });

    const [first] = board.demands;
    if (!first) throw new Error("no demand to move");
    statements.length = 0;
    const answer = await move(first.id, 1);
    if (answer.statusCode !== 200) throw new Error(`move answered ${answer.statusCode}: ${answer.body}`);
    console.log(`one move (Selection → Design, with an idempotency key): ${statements.length} statements`);
    for (const text of statements) console.log(`  ${text.replace(/\s+/g, " ").slice(0, 150)}`);

    const cpuMs: number[] = [];
    const wallMs: number[] = [];
    for (const demand of board.demands.slice(1)) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const moved = await move(demand.id, 1 + (cpuMs.length % 3));
      wallMs.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuMs.push((used.user + used.system) / 1000);
      if (moved.statusCode !== 200) throw new Error(`move answered ${moved.statusCode}: ${moved.body}`);
    }
    console.log(
      `${cpuMs.length} moves one after another: app CPU per move median ${median(cpuMs).toFixed(2)} ms, ` +
        `wall time median ${median(wallMs).toFixed(2)} ms`,
    );
  } finally {
    await app.close();
  }
});
