import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/database";
import { GuardedPool } from "./guarded-pool";

/** The faults of prisma/orm#29719, #29952 and #29762, played against a real PostgreSQL with one connection. */
describe("GuardedPool", () => {
  let database: TestDatabase;
  let pool: GuardedPool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new GuardedPool({ connectionString: database.url, max: 1 });
    await pool.query("CREATE TABLE notes (body text)");
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const notes = async () =>
    (await pool.query("SELECT body FROM notes ORDER BY body")).rows.map((r) => r.body);

  it("closes a connection released inside a transaction, so the next borrower starts clean and nothing commits", async () => {
    const first = await pool.connect();
    await first.query("BEGIN");
    await first.query("INSERT INTO notes VALUES ('left open')");
    first.release();

    const next = await pool.connect();
    expect(next.getTransactionStatus()).toBe("I");
    await next.query("BEGIN");
    await next.query("ROLLBACK");
    next.release();
    expect(await notes()).toEqual([]);
  });

  it("ignores a second release instead of releasing the next borrower's connection", async () => {
    const first = await pool.connect();
    first.release();
    const next = await pool.connect();
    expect(() => first.release()).not.toThrow();
    // Still checked out to `next`: its transaction is intact and releases normally.
    await next.query("BEGIN");
    await next.query("INSERT INTO notes VALUES ('kept')");
    await next.query("COMMIT");
    expect(() => next.release()).not.toThrow();
    expect(await notes()).toEqual(["kept"]);
    await pool.query("DELETE FROM notes");
  });

  it("refuses a statement sent through a checkout after its release, so it cannot run on its own", async () => {
    const first = await pool.connect();
    first.release();
    await expect(first.query("INSERT INTO notes VALUES ('late')")).rejects.toThrow(
      /already returned to the pool/,
    );
    expect(await notes()).toEqual([]);
  });
});
