import type { TAuditPage, TBoard, TBoardRole, TBoardSummary } from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { type Client, createClient } from "./helpers/session";
import {
  awaitBarrier,
  type BoardClientSocket,
  connectSocket,
  join,
  recordEvents,
  waitFor,
} from "./helpers/socket";
import { useTestApp } from "./test-app";

describe("leaving a board (DELETE /api/boards/:boardId/members/me)", () => {
  const ctx = useTestApp();
  let baseUrl: string;
  let admin: Client;
  const sockets: BoardClientSocket[] = [];

  beforeAll(async () => {
    baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    admin = await createClient(ctx.app, "admin");
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });

  async function boardWith(client: Client, role: TBoardRole): Promise<TBoard> {
    const board = await createBoard(admin);
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: client.userId, role } });
    return board;
  }

  const leave = (client: Client, boardId: string) =>
    client.request({ method: "DELETE", url: `/api/boards/${boardId}/members/me` });

  async function boardState(boardId: string) {
    return {
      members: await ctx.db.boardMember.findMany({ where: { boardId }, orderBy: { userId: "asc" } }),
      audit: await ctx.db.auditEvent.count({ where: { boardId } }),
      seq: (await ctx.db.board.findUniqueOrThrow({ where: { id: boardId } })).seq,
    };
  }

  it.each(["viewer", "member"] as const)(
    "lets a %s leave: the board then answers them 404, drops off their list, and the trail says they left",
    async (role) => {
      const leaver = await createClient(ctx.app, `${role} leaver`);
      const board = await boardWith(leaver, role);
      expect((await leaver.request({ method: "GET", url: `/api/boards/${board.id}` })).statusCode).toBe(200);

      const left = await leave(leaver, board.id);
      expect(left.statusCode).toBe(204);
      expect(left.body).toBe("");

      expect((await leaver.request({ method: "GET", url: `/api/boards/${board.id}` })).statusCode).toBe(404);
      const listed = (await leaver.request({ method: "GET", url: "/api/boards" })).json() as {
        boards: TBoardSummary[];
      };
      expect(listed.boards.map((summary) => summary.id)).not.toContain(board.id);
      // Leaving twice: they are a non-member now.
      expect((await leave(leaver, board.id)).statusCode).toBe(404);

      const trail = (
        await admin.request({ method: "GET", url: `/api/boards/${board.id}/audit` })
      ).json() as TAuditPage;
      expect(trail.events[0]).toMatchObject({
        action: "member.left",
        entity: "member",
        entityId: leaver.userId,
        actor: { id: leaver.userId },
        before: { userId: leaver.userId, role },
        after: null,
      });
    },
  );

  it("stops a leaver's other open tab receiving the board's events, and a new board:join is refused", async () => {
    const leaver = await createClient(ctx.app, "tab keeper");
    const board = await boardWith(leaver, "viewer");
    const otherTab = await connectSocket(baseUrl, leaver.cookie);
    const adminTab = await connectSocket(baseUrl, admin.cookie);
    sockets.push(otherTab, adminTab);
    const leaverEvents = recordEvents(otherTab);
    const adminEvents = recordEvents(adminTab);
    expect(await join(otherTab, board.id)).toMatchObject({ ok: true });
    expect(await join(adminTab, board.id)).toMatchObject({ ok: true });
    // A board the leaver keeps, whose events end the check below.
    const keptBoard = await createBoard(leaver);
    expect(await join(otherTab, keptBoard.id)).toMatchObject({ ok: true });

    expect((await leave(leaver, board.id)).statusCode).toBe(204);
    // Everyone still on the board hears the membership change.
    await waitFor(() => adminEvents.some((event) => event.type === "settings.changed"));
    const heardBefore = leaverEvents.length;

    await addDemand(admin, board, { title: "After they left" });
    await waitFor(() => adminEvents.some((event) => event.type === "demand.created"));
    const heard = await awaitBarrier(leaverEvents, keptBoard.id, () =>
      addDemand(leaver, keptBoard, { title: "Barrier" }),
    );
    expect(heard).toHaveLength(heardBefore);
    expect(await join(otherTab, board.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses the board's last admin with 409, and they stay admin; with a second admin they may go", async () => {
    const board = await createBoard(admin);
    const before = await boardState(board.id);

    const refused = await leave(admin, board.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: "CONFLICT",
      message: "You are the board's last admin; make someone else admin before leaving the board.",
      details: { userId: admin.userId },
    });
    expect(await boardState(board.id)).toEqual(before);
    expect((await admin.request({ method: "GET", url: `/api/boards/${board.id}` })).statusCode).toBe(200);

    const deputy = await createClient(ctx.app, "deputy");
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: deputy.userId, role: "admin" } });
    expect((await leave(admin, board.id)).statusCode).toBe(204);
    expect(
      await ctx.db.boardMember.findMany({ where: { boardId: board.id }, select: { userId: true } }),
    ).toEqual([{ userId: deputy.userId }]);
  });

  it("answers a non-member with 404 and changes nothing", async () => {
    const stranger = await createClient(ctx.app, "stranger");
    const board = await createBoard(admin);
    const before = await boardState(board.id);

    const response = await leave(stranger, board.id);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: "NOT_FOUND", message: "Board was not found." });
    expect((await leave(stranger, "00000000-0000-0000-0000-000000000000")).statusCode).toBe(404);
    expect(await boardState(board.id)).toEqual(before);
  });
});
