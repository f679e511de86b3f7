import type { TBoard, TErrorBody } from "@tideway/contracts";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_LIMITS } from "../src/services/demands/transaction-options";
import { createBoard, laneNamed, stageNamed } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

/**
 * A transaction that cannot finish in time (here: another session holds the
 * row lock a move needs) fails whole, answers with a clear error, and leaves
 * the connection pool as good as before.
 */
describe("a move stuck behind someone else's row lock", () => {
  // Two connections: every later request has to reuse the ones the stuck move used.
  const ctx = useTestApp({ poolSize: 2 });
  let client: Client;
  let board: TBoard;
  let locker: pg.Client;

  beforeAll(async () => {
    client = await createClient(ctx.app);
    board = await createBoard(client);
    locker = new pg.Client({ connectionString: ctx.database.url });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
  });

  async function createDemand(title: string): Promise<string> {
    return (await addDemand(client, board, { title })).id;
  }

  function moveToDefects(demandId: string) {
    return client.request({
      method: "POST",
      url: `/api/demands/${demandId}/move`,
      payload: { toStageId: stageNamed(board, "Selection").id, toLaneId: laneNamed(board, "Defects").id },
    });
  }

  async function history(demandId: string) {
    const demand = await ctx.db.demand.findUniqueOrThrow({ where: { id: demandId } });
    const transitions = await ctx.db.transition.findMany({ where: { demandId }, orderBy: { id: "asc" } });
    return { demand, transitions };
  }

  it("answers 503 DATABASE_BUSY within the lock timeout, writes nothing, and the next move works", async () => {
    const stuck = await createDemand("Stuck");
    const other = await createDemand("Other");
    const before = await history(stuck);

    await locker.query("BEGIN");
    await locker.query("SELECT id FROM demands WHERE id = $1 FOR UPDATE", [stuck]);
    const started = Date.now();
    const refused = await moveToDefects(stuck);
    const waited = Date.now() - started;
    expect(refused.statusCode).toBe(503);
    expect(refused.json<TErrorBody>()).toMatchObject({ code: "DATABASE_BUSY" });
    expect(waited).toBeGreaterThanOrEqual(SESSION_LIMITS.lockTimeoutMs - 100);
    expect(waited).toBeLessThan(SESSION_LIMITS.lockTimeoutMs + 5_000);

    // The pool still serves other work while the lock is held.
    expect((await moveToDefects(other)).statusCode).toBe(200);
    await locker.query("ROLLBACK");

    expect(await history(stuck)).toEqual(before);
    const moved = await moveToDefects(stuck);
    expect(moved.statusCode).toBe(200);
    const after = await history(stuck);
    expect(after.transitions).toHaveLength(before.transitions.length + 1);
    expect(after.demand.version).toBe(before.demand.version + 1);
  }, 30_000);

  it("rolls back a transaction that outlives Prisma's timeout: no partial write, no connection left in it", async () => {
    const demandId = await createDemand("Timed out");
    const blocker = await createDemand("Blocker");
    const before = await history(demandId);

    await locker.query("BEGIN");
    await locker.query("SELECT id FROM demands WHERE id = $1 FOR UPDATE", [blocker]);
    // Write first, then wait for a lock past the transaction's own 1 s timeout.
    const outcome = await ctx.db
      .$transaction(
        async (tx) => {
          await tx.demand.update({ where: { id: demandId }, data: { title: "Half-written" } });
          await tx.$queryRaw`SELECT id FROM demands WHERE id = ${blocker}::uuid FOR UPDATE`;
          await tx.demand.update({ where: { id: demandId }, data: { description: "never" } });
        },
        { maxWait: 2_000, timeout: 1_000 },
      )
      .then(
        () => "committed",
        (error: Error) => error.message,
      );
    await locker.query("ROLLBACK");
    expect(outcome).not.toBe("committed");

    expect(await history(demandId)).toEqual(before);
    const openTransactions = await locker.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'tideway' AND state LIKE 'idle in transaction%'`,
    );
    expect(openTransactions.rows[0].n).toBe(0);
    // Both pooled connections work, inside and outside transactions.
    for (let i = 0; i < 4; i++) {
      await ctx.db.$transaction(async (tx) => {
        await tx.demand.update({ where: { id: demandId }, data: { title: `Round ${i}` } });
      });
    }
    expect((await moveToDefects(demandId)).statusCode).toBe(200);
    expect((await history(demandId)).demand.title).toBe("Round 3");
  }, 30_000);
});
