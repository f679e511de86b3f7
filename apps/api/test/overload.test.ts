import type { TBoard } from "@tideway/contracts";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { connectionPoolOf, type Db } from "../src/db/prisma";
import { createBoard } from "./helpers/board";
import { type Client, createClient } from "./helpers/session";
import { type TestContext, useTestApp } from "./test-app";

/** Takes every connection of the app's pool, so the next requests must queue. */
async function holdEveryConnection(db: Db, poolSize: number): Promise<() => void> {
  const pool = connectionPoolOf(db);
  if (!pool) throw new Error("the test database client has no pool");
  const held: pg.PoolClient[] = [];
  for (let i = 0; i < poolSize; i++) held.push(await pool.connect());
  return () => {
    for (const client of held) client.release();
  };
}

async function waitingForConnections(db: Db, atLeast: number): Promise<void> {
  const pool = connectionPoolOf(db);
  await expect.poll(() => pool?.waitingCount ?? 0, { timeout: 60_000 }).toBeGreaterThanOrEqual(atLeast);
}

function statusCounts(responses: { statusCode: number; body: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const response of responses) {
    const key =
      response.statusCode === 200 ? "200" : `${response.statusCode} ${JSON.parse(response.body).code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function boardReadsSetUp(ctx: TestContext): Promise<{ reader: Client; board: TBoard }> {
  const reader = await createClient(ctx.app, "reader");
  const board = await createBoard(reader, "Busy board");
  return { reader, board };
}

const POOL_SIZE = 10;

describe("a burst of board reads on a saturated pool", () => {
  const ctx = useTestApp({ poolSize: POOL_SIZE });
  let reader: Client;
  let board: TBoard;
  beforeAll(async () => {
    ({ reader, board } = await boardReadsSetUp(ctx));
  });

  it("answers 1,000 concurrent board reads, none with an error", async () => {
    const reads = Array.from({ length: 1_000 }, () =>
      reader.request({ method: "GET", url: `/api/boards/${board.id}` }),
    );
    expect(statusCounts(await Promise.all(reads))).toEqual({ 200: 1_000 });
  }, 120_000);

  it("queues reads while every connection is busy and answers them once one is free", async () => {
    const release = await holdEveryConnection(ctx.db, POOL_SIZE);
    const reads = Array.from({ length: 200 }, () =>
      reader.request({ method: "GET", url: `/api/boards/${board.id}` }),
    );
    // Barrier: every read is waiting for a connection before any is freed.
    await waitingForConnections(ctx.db, 200);
    release();
    expect(statusCounts(await Promise.all(reads))).toEqual({ 200: 200 });
  }, 120_000);
});

describe("a pool that stays saturated past its bounds", () => {
  const ctx = useTestApp({ poolSize: POOL_SIZE, queueLimits: { waitLimitMs: 1_000, waitingLimit: 20 } });
  let reader: Client;
  let board: TBoard;
  beforeAll(async () => {
    ({ reader, board } = await boardReadsSetUp(ctx));
  });

  it("answers 503 OVERLOADED with Retry-After, not DATABASE_UNAVAILABLE, when no connection frees in time", async () => {
    const release = await holdEveryConnection(ctx.db, POOL_SIZE);
    try {
      const response = await reader.request({ method: "GET", url: `/api/boards/${board.id}` });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: "OVERLOADED" });
      expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
    } finally {
      release();
    }
    const after = await reader.request({ method: "GET", url: `/api/boards/${board.id}` });
    expect(after.statusCode).toBe(200);
  });

  it("refuses at once what would queue behind too many others, and answers the rest", async () => {
    const pool = connectionPoolOf(ctx.db);
    const release = await holdEveryConnection(ctx.db, POOL_SIZE);
    const reads = Array.from({ length: 60 }, () =>
      reader.request({ method: "GET", url: `/api/boards/${board.id}` }),
    );
    // Barrier: the queue is full, so later reads were refused while the earlier ones wait.
    await waitingForConnections(ctx.db, 20);
    expect(pool?.waitingCount).toBe(20);
    release();
    const counts = statusCounts(await Promise.all(reads));
    expect(Object.keys(counts).sort()).toEqual(["200", "503 OVERLOADED"]);
    expect(counts["200"]).toBeGreaterThanOrEqual(1);
  });
});
