import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { type RawStatements, transactionConnection } from "../src/db/transaction-connection";
import { PrismaClient } from "../src/generated/prisma/client";
import { toErrorResponse } from "../src/plugins/error-handler";
import { statementLog } from "./helpers/statement-log";
import { useTestApp } from "./test-app";

/** Prisma's default limit on an interactive transaction is 5 s, which a loaded machine can pass. */
const ROOMY_TRANSACTION = { timeout: 60_000 } as const;

describe("transactionConnection: bulk statements on the connection under a Prisma transaction", () => {
  const ctx = useTestApp();

  it("runs them in the transaction, past Prisma: same transaction, rolled back with it", async () => {
    const log = statementLog();
    await expect(
      ctx.db.$transaction(async (tx) => {
        const connection = await transactionConnection(ctx.db, tx);
        expect(connection).not.toBe(tx);
        const [viaPrisma] = await tx.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`;
        log.start();
        const [viaConnection] = await connection.$queryRaw<{ id: string }[]>`
          SELECT txid_current()::text AS id`;
        const inserted = await connection.$executeRaw`
          INSERT INTO boards (key, name) SELECT * FROM unnest(${["TXC1", "TXC2"]}::text[], ${["One", "Two"]}::text[])`;
        log.stop();
        expect(viaConnection?.id).toBe(viaPrisma?.id);
        expect(inserted).toBe(2);
        expect(await tx.board.count({ where: { key: { in: ["TXC1", "TXC2"] } } })).toBe(2);
        throw new Error("roll back");
      }, ROOMY_TRANSACTION),
    ).rejects.toThrow("roll back");
    // Each reached PostgreSQL once, as written, with nothing around it (no savepoint, no BEGIN of its own).
    expect(log.statements.map((text) => text.trim().split(/\s+/)[0])).toEqual(["SELECT", "INSERT"]);
    expect(await ctx.db.board.count({ where: { key: { in: ["TXC1", "TXC2"] } } })).toBe(0);
  });

  it("answers a statement cut short there, or sent after the transaction ended, with 503 DATABASE_BUSY, as through Prisma", async () => {
    let connection: RawStatements | undefined;
    // Cut short from another session (SQLSTATE 57014, as statement_timeout), not by a timeout:
    // under `npm run test:at` PostgreSQL's own timers fire hours late (scripts/test-at.mjs).
    const cutShort = await ctx.db
      .$transaction(async (tx) => {
        connection = await transactionConnection(ctx.db, tx);
        const [backend] = await connection.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        const sleeping = Promise.resolve(connection.$queryRaw`SELECT pg_sleep(30)`);
        sleeping.catch(() => {}); // awaited below, once the cancel is sent
        await cancelWhenSleeping(backend?.pid);
        await sleeping;
      }, ROOMY_TRANSACTION)
      .catch((error: Error) => error);
    expect(cutShort).toBeInstanceOf(Error);
    expect(toErrorResponse(cutShort as Error)).toMatchObject({
      status: 503,
      body: { code: "DATABASE_BUSY" },
    });
    if (connection === undefined) throw new Error("the transaction never started");
    const late = await Promise.resolve(connection.$queryRaw`SELECT 1`).catch((error: Error) => error);
    expect(toErrorResponse(late as Error)).toMatchObject({ status: 503, body: { code: "DATABASE_BUSY" } });
  });

  /** Cancels the backend's statement once it is inside pg_sleep (seen in pg_stat_activity). */
  async function cancelWhenSleeping(pid: number | undefined): Promise<void> {
    if (pid === undefined) throw new Error("no backend pid");
    await expect
      .poll(
        async () => {
          const [row] = await ctx.db.$queryRaw<{ cancelled: boolean }[]>`
            SELECT pg_cancel_backend(pid) AS cancelled FROM pg_stat_activity
            WHERE pid = ${pid} AND state = 'active' AND query LIKE '%pg_sleep%'`;
          return row?.cancelled ?? false;
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBe(true);
  }

  it("falls back to the transaction itself when the connection is not one of this process's pools'", async () => {
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: ctx.database.url }) });
    try {
      await other.$transaction(async (tx) => {
        expect(await transactionConnection(other, tx)).toBe(tx);
      });
    } finally {
      await other.$disconnect();
    }
  });
});
