import type { TBoard, TDemand } from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard, stageNamed } from "./helpers/board";
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

describe("board access over REST and socket.io", () => {
  const ctx = useTestApp();
  let baseUrl: string;
  let owner: Client;
  let viewer: Client;
  let stranger: Client;
  let board: TBoard;
  let demand: TDemand;
  const sockets: BoardClientSocket[] = [];

  beforeAll(async () => {
    baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    [owner, viewer, stranger] = await Promise.all([
      createClient(ctx.app, "owner"),
      createClient(ctx.app, "viewer"),
      createClient(ctx.app, "stranger"),
    ]);
    board = await createBoard(owner);
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: viewer.userId, role: "viewer" } });
    demand = await addDemand(owner, board, { title: "Secret plan" });
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });

  async function snapshot() {
    return {
      demands: await ctx.db.demand.findMany({ where: { boardId: board.id }, orderBy: { id: "asc" } }),
      transitions: await ctx.db.transition.count({ where: { boardId: board.id } }),
      seq: (await ctx.db.board.findUniqueOrThrow({ where: { id: board.id } })).seq,
    };
  }

  it("hides a board from a non-member: every read and write is 404 and changes nothing", async () => {
    const before = await snapshot();
    const attempts = [
      { method: "GET", url: `/api/boards/${board.id}` },
      { method: "GET", url: `/api/boards/${board.id}/transitions` },
      { method: "POST", url: `/api/boards/${board.id}/demands`, payload: { title: "Intrusion" } },
      { method: "PATCH", url: `/api/demands/${demand.id}`, payload: { title: "Hacked" } },
      {
        method: "POST",
        url: `/api/demands/${demand.id}/move`,
        payload: { toStageId: stageNamed(board, "Design").id },
      },
      { method: "POST", url: `/api/demands/${demand.id}/block`, payload: { reason: "because" } },
      { method: "DELETE", url: `/api/demands/${demand.id}/block` },
      {
        method: "PUT",
        url: `/api/demands/${demand.id}/checks/${board.criteria[0]?.id}`,
        payload: { checked: true },
      },
    ] as const;
    for (const attempt of attempts) {
      const response = await stranger.request(attempt);
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
    }
    const list = await stranger.request({ method: "GET", url: "/api/boards" });
    expect(list.json()).toEqual({ boards: [] });
    expect(await snapshot()).toEqual(before);
  });

  it("lets a viewer read but not move or edit", async () => {
    expect((await viewer.request({ method: "GET", url: `/api/boards/${board.id}` })).statusCode).toBe(200);
    const before = await snapshot();
    const moved = await viewer.request({
      method: "POST",
      url: `/api/demands/${demand.id}/move`,
      payload: { toStageId: stageNamed(board, "Design").id },
    });
    expect(moved.statusCode).toBe(403);
    expect(moved.json()).toMatchObject({
      code: "FORBIDDEN",
      message: "Your role on this board is viewer; you need member to change demands on this board.",
    });
    const edited = await viewer.request({
      method: "PATCH",
      url: `/api/demands/${demand.id}`,
      payload: { title: "x" },
    });
    expect(edited.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses anonymous requests and anonymous sockets", async () => {
    const response = await ctx.app.inject({ method: "GET", url: `/api/boards/${board.id}` });
    expect(response.statusCode).toBe(401);
    await expect(connectSocket(baseUrl, "")).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it("accepts the long-polling fallback, whose requests carry a Referer instead of an Origin", async () => {
    const socket = await connectSocket(baseUrl, viewer.cookie, baseUrl, { transport: "polling" });
    sockets.push(socket);
    expect(await join(socket, board.id)).toMatchObject({ ok: true });
    await expect(
      connectSocket(baseUrl, viewer.cookie, "https://evil.example", { transport: "polling" }),
    ).rejects.toThrow();
  });

  it("refuses a socket whose handshake comes from another site", async () => {
    await expect(connectSocket(baseUrl, owner.cookie, "https://evil.example")).rejects.toThrow();
  });

  it("refuses a non-member's board:join, and the non-member receives none of the board's events", async () => {
    const strangerSocket = await connectSocket(baseUrl, stranger.cookie);
    const memberSocket = await connectSocket(baseUrl, viewer.cookie);
    sockets.push(strangerSocket, memberSocket);
    const strangerEvents = recordEvents(strangerSocket);
    const memberEvents = recordEvents(memberSocket);

    expect(await join(strangerSocket, board.id)).toEqual({
      ok: false,
      code: "NOT_FOUND",
      message: "Board was not found.",
    });
    const ack = await join(memberSocket, board.id);
    expect(ack).toMatchObject({ ok: true });
    // The stranger's own board, whose events end the check below.
    const strangersBoard = await createBoard(stranger);
    expect(await join(strangerSocket, strangersBoard.id)).toMatchObject({ ok: true });

    const moved = await owner.request({
      method: "POST",
      url: `/api/demands/${demand.id}/move`,
      payload: { toStageId: stageNamed(board, "Selection").id, afterId: demand.id },
    });
    expect(moved.statusCode).toBe(200);
    await waitFor(() => memberEvents.length > 0);
    expect(memberEvents[0]).toMatchObject({
      type: "demand.moved",
      boardId: board.id,
      payload: { demand: { id: demand.id } },
    });
    expect(memberEvents[0]?.seq).toBe((ack as { seq: number }).seq + 1);
    const leaked = await awaitBarrier(strangerEvents, strangersBoard.id, () =>
      addDemand(stranger, strangersBoard, { title: "Barrier" }),
    );
    expect(leaked).toEqual([]);
  });

  it("validates board:join payloads", async () => {
    const socket = await connectSocket(baseUrl, owner.cookie);
    sockets.push(socket);
    const answer = await socket.timeout(5_000).emitWithAck("board:join", { boardId: "nope" } as never);
    expect(answer).toMatchObject({ ok: false, code: "VALIDATION_FAILED" });
  });

  it("stops sending a board's events to a member once they are removed from it", async () => {
    const leaver = await createClient(ctx.app, "leaver");
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: leaver.userId, role: "member" } });
    const socket = await connectSocket(baseUrl, leaver.cookie);
    sockets.push(socket);
    const events = recordEvents(socket);
    expect(await join(socket, board.id)).toMatchObject({ ok: true });
    // A board the leaver keeps, whose events end the check below.
    const keptBoard = await createBoard(leaver);
    expect(await join(socket, keptBoard.id)).toMatchObject({ ok: true });

    const removed = await owner.request({
      method: "DELETE",
      url: `/api/boards/${board.id}/members/${leaver.userId}`,
    });
    expect(removed.statusCode).toBe(200);
    await waitFor(() => events.length > 0); // the settings.changed of the removal itself
    const seen = events.length;
    const blocked = await owner.request({
      method: "POST",
      url: `/api/demands/${demand.id}/block`,
      payload: { reason: "after removal" },
    });
    expect(blocked.statusCode).toBe(200);
    const heard = await awaitBarrier(events, keptBoard.id, () =>
      addDemand(leaver, keptBoard, { title: "Barrier" }),
    );
    expect(heard).toHaveLength(seen);
  });
});
