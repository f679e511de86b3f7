import { performance } from "node:perf_hooks";
import type { TBoard } from "@tideway/contracts";
import { DAY } from "@tideway/domain";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/prisma";
import { createBoard, laneNamed } from "./helpers/board";
import { type Client, createClient } from "./helpers/session";
import { logDemand } from "./helpers/transition-log";
import { useTestApp } from "./test-app";

const TODAY = Math.floor(Date.now() / DAY) * DAY;

/**
 * Holds every board-membership read of the given users until released: the
 * first line of every board service (requireBoardRole), so a request held
 * there has passed the limits and is still in flight.
 */
function membershipGate() {
  let heldUsers = new Set<string>();
  let held = 0;
  let open: () => void = () => {};
  let opened = Promise.resolve();
  return {
    hold(...userIds: string[]) {
      heldUsers = new Set(userIds);
      opened = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      heldUsers = new Set();
      open();
    },
    held: () => held,
    wrap: (db: Db) =>
      db.$extends({
        query: {
          boardMember: {
            async findUnique({ args, query }) {
              const userId = args.where.boardId_userId?.userId;
              if (userId !== undefined && heldUsers.has(userId)) {
                held += 1;
                await opened;
                held -= 1;
              }
              return query(args);
            },
          },
        },
      }) as unknown as Db,
  };
}

const forecastUrl = (board: TBoard, seed = 1) =>
  `/api/boards/${board.id}/forecast?mode=when&count=400&trials=10000&seed=${seed}`;

describe("per-user limits and forecasts off the event loop", () => {
  const gate = membershipGate();
  const ctx = useTestApp({ appDb: gate.wrap });
  let lead: Client;
  let board: TBoard;
  const team: Client[] = [];

  beforeAll(async () => {
    lead = await createClient(ctx.app, "lead");
    board = await createBoard(lead, "Forecast load");
    const lane = laneNamed(board, "Standard").id;
    // One delivery on each of the last 28 days: every forecast has throughput to simulate.
    for (let day = -28; day <= -1; day++) {
      const deliveredAt = new Date(TODAY + day * DAY + DAY / 2);
      await logDemand(ctx.db, board, lane, [
        ["Selection", new Date(deliveredAt.getTime() - 8 * DAY)],
        ["Design", new Date(deliveredAt.getTime() - 7 * DAY)],
        ["Done", deliveredAt],
      ]);
    }
    for (let i = 0; i < 25; i++) {
      const member = await createClient(ctx.app, `viewer${i}`);
      await ctx.db.boardMember.create({ data: { boardId: board.id, userId: member.userId, role: "viewer" } });
      team.push(member);
    }
  }, 120_000);

  it("refuses a user's fifth concurrent forecast with 429 and Retry-After, and not another user's", async () => {
    gate.hold(lead.userId);
    const inFlight = Array.from({ length: 4 }, (_, i) =>
      lead.request({ method: "GET", url: forecastUrl(board, i) }),
    );
    try {
      // Barrier: all four passed the limit and wait inside the service.
      await expect.poll(gate.held, { timeout: 30_000 }).toBe(4);
      const fifth = await lead.request({ method: "GET", url: forecastUrl(board) });
      expect(fifth.statusCode).toBe(429);
      expect(fifth.json()).toMatchObject({ code: "TOO_MANY_AT_ONCE", details: { limit: 4 } });
      expect(Number(fifth.headers["retry-after"])).toBeGreaterThan(0);
      const someoneElse = await team[0]?.request({ method: "GET", url: forecastUrl(board) });
      expect(someoneElse?.statusCode).toBe(200);
    } finally {
      gate.release();
    }
    expect((await Promise.all(inFlight)).map((response) => response.statusCode)).toEqual([
      200, 200, 200, 200,
    ]);
    // The slots are free again.
    expect((await lead.request({ method: "GET", url: forecastUrl(board) })).statusCode).toBe(200);
  }, 120_000);

  it("refuses a second concurrent import by the same user with 429 and Retry-After", async () => {
    const exported = await lead.request({ method: "GET", url: `/api/boards/${board.id}/export` });
    expect(exported.statusCode).toBe(200);
    const target = await createBoard(lead, "CSV target");
    gate.hold(lead.userId);
    // A CSV import checks the importer's membership first, so it is held in flight there.
    const first = lead.request({
      method: "POST",
      url: `/api/boards/${target.id}/demands/import`,
      headers: { "content-type": "text/csv" },
      payload: "title\nImported while another import runs\n",
    });
    try {
      await expect.poll(gate.held, { timeout: 30_000 }).toBe(1);
      const second = await lead.request({
        method: "POST",
        url: "/api/boards/import?key=COPYX&name=Copy",
        payload: exported.json(),
      });
      expect(second.statusCode).toBe(429);
      expect(second.json()).toMatchObject({ code: "TOO_MANY_AT_ONCE", details: { limit: 1 } });
      expect(Number(second.headers["retry-after"])).toBeGreaterThan(0);
    } finally {
      gate.release();
    }
    expect((await first).statusCode).toBe(201);
  }, 120_000);

  it("takes four imports at once from everyone: a fifth person's is 503 OVERLOADED with Retry-After", async () => {
    const target = await createBoard(lead, "Import target");
    const importers = team.slice(0, 5);
    for (const importer of importers)
      await ctx.db.boardMember.create({
        data: { boardId: target.id, userId: importer.userId, role: "member" },
      });
    const importCsv = (importer: Client) =>
      importer.request({
        method: "POST",
        url: `/api/boards/${target.id}/demands/import`,
        headers: { "content-type": "text/csv" },
        payload: `title\nImported by ${importer.userId}\n`,
      });
    const [fifth, ...firstFour] = importers as [Client, ...Client[]];
    gate.hold(...firstFour.map((importer) => importer.userId));
    const inFlight = firstFour.map(importCsv);
    try {
      // Barrier: the four passed the limits and wait inside the service.
      await expect.poll(gate.held, { timeout: 30_000 }).toBe(4);
      const refused = await importCsv(fifth);
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({ code: "OVERLOADED", details: { limit: 4 } });
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    } finally {
      gate.release();
    }
    expect((await Promise.all(inFlight)).map((response) => response.statusCode)).toEqual([
      201, 201, 201, 201,
    ]);
    // The slots are free again.
    expect((await importCsv(fifth)).statusCode).toBe(201);
  }, 120_000);

  it("keeps the event loop free while 100 forecasts run: health answers before they finish", async () => {
    const utilizationBefore = performance.eventLoopUtilization();
    let settled = 0;
    const forecasts = team.flatMap((member, m) =>
      Array.from({ length: 4 }, (_, i) =>
        member.request({ method: "GET", url: forecastUrl(board, m * 4 + i) }).then((response) => {
          settled += 1;
          return response.statusCode;
        }),
      ),
    );
    const health = await ctx.app.inject({ method: "GET", url: "/api/health" });
    const settledWhenHealthAnswered = settled;
    const statuses = await Promise.all(forecasts);
    const utilization = performance.eventLoopUtilization(utilizationBefore);

    expect(health.statusCode).toBe(200);
    expect(statuses.filter((status) => status === 200)).toHaveLength(100);
    // Structural, not a stopwatch: most forecasts were still running when health answered,
    // and the event loop idled through most of the run because the simulations ran in worker threads
    // (computed on the event loop, utilization is near 1: it is busy simulating from start to end).
    expect(settledWhenHealthAnswered).toBeLessThan(50);
    expect(utilization.utilization).toBeLessThan(0.5);
  }, 300_000);
});
