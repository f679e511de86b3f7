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
    const timedOut = await ctx.db
      .$transaction(async (tx) => {
        connection = await transactionConnection(ctx.db, tx);
        await connection.$executeRaw`SET LOCAL statement_timeout = 50`;
        await connection.$queryRaw`SELECT pg_sleep(2)`;
      }, ROOMY_TRANSACTION)
      .catch((error: Error) => error);
    expect(toErrorResponse(timedOut as Error)).toMatchObject({
      status: 503,
      body: { code: "DATABASE_BUSY" },
    });
    if (connection === undefined) throw new Error("the transaction never started");
    const late = await Promise.resolve(connection.$queryRaw`SELECT 1`).catch((error: Error) => error);
    expect(toErrorResponse(late as Error)).toMatchObject({ status: 503, body: { code: "DATABASE_BUSY" } });
  });

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
