import type { TBoard, TBoardEvent } from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/prisma";
import { createBoard } from "./helpers/board";
import { type Client, createClient } from "./helpers/session";
import { type BoardClientSocket, connectSocket, join, recordEvents } from "./helpers/socket";
import { useTestApp } from "./test-app";

const ROUNDS = 60;
/** Tabs of the removed person, each joining as the removal runs: more chances to hit the window per round. */
const TABS = 4;

/**
 * `board:join` checks membership and then joins the room; a removal that
 * commits in between evicts nobody (the socket is not in the room yet), and
 * the join then lets the removed member hear every later event. Each round
 * races joins from several tabs against DELETE /members/:userId, then checks
 * that no tab still hears the board.
 */
describe("board:join racing the member's removal", () => {
  /**
   * How long the removed person's membership reads take to come back, swept
   * round by round: the race needs the removal to commit and evict between a
   * join's read and its joining the room, a window of microseconds on a quiet
   * machine (2 in 350 rounds). Widening it makes each round a real attempt.
   */
  let slowReads: { userId: string; delayMs: number } | null = null;
  const withSlowMembershipReads = (db: Db) =>
    db.$extends({
      query: {
        boardMember: {
          async findUnique({ args, query }) {
            const result = await query(args);
            const reader = args.where.boardId_userId?.userId;
            if (slowReads && reader === slowReads.userId) {
              await new Promise((resolve) => setTimeout(resolve, slowReads?.delayMs));
            }
            return result;
          },
        },
      },
    }) as unknown as Db;
  const ctx = useTestApp({ appDb: withSlowMembershipReads });
  let baseUrl: string;
  let admin: Client;
  let removed: Client;
  let board: TBoard;
  /** A board the removed person stays on: joining it is the barrier that proves earlier events arrived. */
  let otherBoard: TBoard;
  const tabs: BoardClientSocket[] = [];
  const heard: TBoardEvent[][] = [];

  beforeAll(async () => {
    baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    admin = await createClient(ctx.app, "admin");
    removed = await createClient(ctx.app, "removed");
    board = await createBoard(admin, "Raced board");
    otherBoard = await createBoard(removed, "Their own board");
    for (let tab = 0; tab < TABS; tab += 1) {
      const socket = await connectSocket(baseUrl, removed.cookie);
      tabs.push(socket);
      heard.push(recordEvents(socket));
    }
  });
  afterAll(() => {
    for (const socket of tabs) socket.disconnect();
  });

  /** Each tab's answer to this join travels after anything the server sent it before. */
  async function everyTabCaughtUp(): Promise<void> {
    const answers = await Promise.all(tabs.map((socket) => join(socket, otherBoard.id)));
    expect(answers.every((answer) => answer.ok)).toBe(true);
  }

  it(`leaves no removed member's socket in the room (${ROUNDS} rounds × ${TABS} tabs, reads slowed 0 to ${ROUNDS - 1} ms)`, async () => {
    const leaks: { round: number; tab: number }[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      slowReads = { userId: removed.userId, delayMs: round - 1 };
      await ctx.db.boardMember.create({
        data: { boardId: board.id, userId: removed.userId, role: "viewer" },
      });
      const [removal] = await Promise.all([
        admin.request({ method: "DELETE", url: `/api/boards/${board.id}/members/${removed.userId}` }),
        ...tabs.map((socket) => join(socket, board.id)),
      ]);
      expect(removal.statusCode).toBe(200);
      slowReads = null;

      // The removal's own broadcast reached the tabs still in the room before their eviction: let it pass.
      await everyTabCaughtUp();
      for (const events of heard) events.length = 0;
      ctx.app.boardEvents.publish({ seq: round, boardId: board.id, type: "metrics.changed", payload: {} });
      await everyTabCaughtUp();
      heard.forEach((events, tab) => {
        if (events.some((event) => event.boardId === board.id)) leaks.push({ round, tab });
      });
      // Start the next round with every tab outside the room, whatever happened in this one.
      for (const socket of tabs) socket.emit("board:leave", { boardId: board.id });
    }
    expect(leaks).toEqual([]);
  }, 180_000);
});
