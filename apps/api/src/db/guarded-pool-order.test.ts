import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { GuardedPool } from "./guarded-pool";

// Its own file: pg emits this DeprecationWarning once per process, so the
// control below (a plain client, which must warn) proves the recorder would
// have seen the guarded checkout warn. Warnings are recorded instead of
// emitted while the file runs: a listener on "warning" sees them, but Node
// still prints each one, and the control's then looked like a real fault.
const QUEUED_QUERY_WARNING = /already executing a query/;

describe("GuardedPool checkouts send statements one at a time", () => {
  let database: TestDatabase;
  let pool: GuardedPool;
  const warnings: string[] = [];
  let emitWarning: MockInstance<typeof process.emitWarning>;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new GuardedPool({ connectionString: database.url, max: 1 });
    // util.deprecate (pg's notices) calls process.emitWarning(message, ...).
    emitWarning = vi.spyOn(process, "emitWarning").mockImplementation((warning: string | Error) => {
      warnings.push(typeof warning === "string" ? warning : warning.message);
    });
  });
  afterAll(async () => {
    emitWarning?.mockRestore();
    await pool?.end();
    await database?.drop();
  });

  const warningsSoFar = () => warnings.filter((message) => QUEUED_QUERY_WARNING.test(message));

  it("answers statements sent without waiting in order, and pg never sees a queue (its DeprecationWarning)", async () => {
    const checkout = await pool.connect();
    await checkout.query("BEGIN");
    const answers = await Promise.all(
      [1, 2, 3].map((n) => checkout.query<{ n: number }>("SELECT $1::int AS n", [n])),
    );
    await checkout.query("COMMIT");
    checkout.release();
    expect(answers.map((answer) => answer.rows[0]?.n)).toEqual([1, 2, 3]);
    expect(warningsSoFar()).toEqual([]);

    const plain = new pg.Client({ connectionString: database.url });
    await plain.connect();
    try {
      // pg hands the first to the wire at once; the third finds the second queued.
      await Promise.all([1, 2, 3].map((n) => plain.query("SELECT $1::int", [n])));
    } finally {
      await plain.end();
    }
    expect(warningsSoFar()).toHaveLength(1);
  });

  it("refuses a statement that was still waiting its turn when the checkout was released", async () => {
    const checkout = await pool.connect();
    const slow = checkout.query("SELECT pg_sleep(0.2)");
    const waiting = checkout.query("SELECT 1");
    checkout.release();
    await slow.catch(() => undefined);
    await expect(waiting).rejects.toThrow(/already returned to the pool/);
  });
});
