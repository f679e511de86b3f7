import type {
  TBoard,
  TBoardEvent,
  TCriterionChange,
  TDemand,
  TDependencyChange,
  TDependencyList,
} from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoard, stageNamed } from "./helpers/board";
import { type BoardWithRoles, boardWithRoles } from "./helpers/board-roles";
import { addDemand } from "./helpers/demands";
import type { Client } from "./helpers/session";
import { type BoardClientSocket, connectSocket, join, recordEvents, waitFor } from "./helpers/socket";
import { useTestApp } from "./test-app";

describe("dependencies between demands", () => {
  const ctx = useTestApp();
  let baseUrl: string;
  let people: BoardWithRoles;
  let board: TBoard;
  const sockets: BoardClientSocket[] = [];

  beforeAll(async () => {
    baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    people = await boardWithRoles(ctx.app);
    board = people.board;
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });

  const add = (client: Client, demandId: string, dependsOnId: string) =>
    client.request({
      method: "POST",
      url: `/api/demands/${demandId}/dependencies`,
      payload: { dependsOnId },
    });
  const remove = (client: Client, demandId: string, dependsOnId: string) =>
    client.request({ method: "DELETE", url: `/api/demands/${demandId}/dependencies/${dependsOnId}` });
  const list = (client: Client, demandId: string) =>
    client.request({ method: "GET", url: `/api/demands/${demandId}/dependencies` });
  const move = (client: Client, demandId: string, toStageId: string) =>
    client.request({ method: "POST", url: `/api/demands/${demandId}/move`, payload: { toStageId } });
  const inRelease = (client: Client, on: TBoard, title: string) =>
    addDemand(client, on, { title, stageId: stageNamed(on, "Release").id });
  async function watch(client: Client, boardId: string): Promise<TBoardEvent[]> {
    const socket = await connectSocket(baseUrl, client.cookie);
    sockets.push(socket);
    expect(await join(socket, boardId)).toMatchObject({ ok: true });
    return recordEvents(socket);
  }
  const dependencyEventFor = (events: TBoardEvent[], demandId: string) => () =>
    events.some((event) => event.type === "dependency.changed" && event.payload.demandId === demandId);

  it("lets members add and remove a dependency, viewers read it, and tells the board live", async () => {
    const waiting = await addDemand(people.admin, board, { title: "Checkout" });
    const awaited = await addDemand(people.admin, board, { title: "Refund API" });
    const events = await watch(people.viewer, board.id);

    const added = await add(people.member, waiting.id, awaited.id);
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as TDependencyChange).dependencies).toEqual([
      {
        demandId: waiting.id,
        dependsOnId: awaited.id,
        open: true,
        visible: true,
        key: awaited.key,
        title: "Refund API",
        boardId: board.id,
      },
    ]);
    await waitFor(dependencyEventFor(events, waiting.id));
    const read = await list(people.viewer, waiting.id);
    expect(read.statusCode).toBe(200);
    expect((read.json() as TDependencyList).dependencies.map((d) => d.key)).toEqual([awaited.key]);
    const onBoard = (
      await people.viewer.request({ method: "GET", url: `/api/boards/${board.id}` })
    ).json() as TBoard;
    expect(onBoard.dependencies).toContainEqual(
      expect.objectContaining({ demandId: waiting.id, open: true }),
    );

    expect((await add(people.member, waiting.id, awaited.id)).statusCode).toBe(201);
    expect(await ctx.db.demandDependency.count({ where: { demandId: waiting.id } })).toBe(1);

    const removed = await remove(people.member, waiting.id, awaited.id);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((removed.json() as TDependencyChange).dependencies).toEqual([]);
    expect((await remove(people.member, waiting.id, awaited.id)).statusCode).toBe(404);
  });

  it("lets a viewer read but not write, and answers a non-member 404 on every route", async () => {
    const waiting = await addDemand(people.admin, board);
    const awaited = await addDemand(people.admin, board);
    expect((await add(people.admin, waiting.id, awaited.id)).statusCode).toBe(201);

    expect((await list(people.viewer, waiting.id)).statusCode).toBe(200);
    expect((await add(people.viewer, awaited.id, waiting.id)).json()).toMatchObject({ code: "FORBIDDEN" });
    expect((await remove(people.viewer, waiting.id, awaited.id)).statusCode).toBe(403);

    for (const response of [
      await list(people.stranger, waiting.id),
      await add(people.stranger, waiting.id, awaited.id),
      await remove(people.stranger, waiting.id, awaited.id),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await ctx.db.demandDependency.count({ where: { demandId: waiting.id } })).toBe(1);
  });

  it("refuses a cycle A->B->C->A (and a demand waiting on itself) with 409 DEPENDENCY_CYCLE", async () => {
    const [a, b, c] = [
      await addDemand(people.admin, board, { title: "A" }),
      await addDemand(people.admin, board, { title: "B" }),
      await addDemand(people.admin, board, { title: "C" }),
    ] as [TDemand, TDemand, TDemand];
    expect((await add(people.member, a.id, b.id)).statusCode).toBe(201);
    expect((await add(people.member, b.id, c.id)).statusCode).toBe(201);

    const cycle = await add(people.member, c.id, a.id);
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toMatchObject({
      code: "DEPENDENCY_CYCLE",
      message: `${c.key} would end up waiting on itself (through 2 other demands); remove one of those dependencies first.`,
      details: { cycleLength: 3 },
    });
    const self = await add(people.member, a.id, a.id);
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({
      code: "DEPENDENCY_CYCLE",
      message: `${a.key} cannot wait on itself.`,
    });
    expect(await ctx.db.demandDependency.count({ where: { demandId: { in: [a.id, c.id] } } })).toBe(1);
  });

  it("shows a dependency on a board the viewer is not on as 'a demand on another board', leaking no key or title", async () => {
    const elsewhere = await createBoard(people.stranger, "Stranger's board");
    const secret = await addDemand(people.stranger, elsewhere, { title: "Secret acquisition" });
    await ctx.db.boardMember.create({
      data: { boardId: elsewhere.id, userId: people.admin.userId, role: "viewer" },
    });
    const waiting = await addDemand(people.admin, board);

    expect((await add(people.member, waiting.id, secret.id)).statusCode).toBe(404);
    const added = await add(people.admin, waiting.id, secret.id);
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as TDependencyChange).dependencies[0]).toMatchObject({
      visible: true,
      key: secret.key,
      title: "Secret acquisition",
    });

    const seenByMember = await list(people.member, waiting.id);
    expect((seenByMember.json() as TDependencyList).dependencies).toEqual([
      {
        demandId: waiting.id,
        dependsOnId: secret.id,
        open: true,
        visible: false,
        key: null,
        title: null,
        boardId: null,
      },
    ]);
    const boardSeenByMember = await people.member.request({ method: "GET", url: `/api/boards/${board.id}` });
    for (const body of [seenByMember.body, boardSeenByMember.body]) {
      expect(body).not.toContain("Secret acquisition");
      expect(body).not.toContain(secret.key);
      expect(body).not.toContain(elsewhere.id);
    }
    // Removing it needs no sight of the other board.
    expect((await remove(people.member, waiting.id, secret.id)).statusCode).toBe(200);
  });

  it("refuses a move past a 'no open dependencies' criterion until the other demand is delivered, live across boards", async () => {
    const done = stageNamed(board, "Done");
    const criterion = await people.admin.request({
      method: "POST",
      url: `/api/boards/${board.id}/criteria`,
      payload: { stageId: done.id, text: "Dependencies delivered", kind: "no_open_dependencies" },
    });
    expect(criterion.statusCode, criterion.body).toBe(201);
    const { criterion: created } = criterion.json() as TCriterionChange;
    expect(created.kind).toBe("no_open_dependencies");

    const other = await createBoard(people.admin, "Platform");
    const waiting = await inRelease(people.admin, board, "Checkout");
    const awaited = await inRelease(people.admin, other, "Payments API");
    expect((await add(people.admin, waiting.id, awaited.id)).statusCode).toBe(201);
    const events = await watch(people.viewer, board.id);

    const refused = await move(people.member, waiting.id, done.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "ENTRY_CRITERIA_UNMET",
      message: "Done needs: dependencies delivered.",
      details: { unmet: [{ id: created.id, text: "Dependencies delivered" }] },
    });
    // Ticking it by hand does not count: only the dependency decides.
    await people.member.request({
      method: "PUT",
      url: `/api/demands/${waiting.id}/checks/${created.id}`,
      payload: { checked: true },
    });
    expect((await move(people.member, waiting.id, done.id)).statusCode).toBe(409);

    const delivered = await move(people.admin, awaited.id, stageNamed(other, "Done").id);
    expect(delivered.statusCode, delivered.body).toBe(200);
    await waitFor(dependencyEventFor(events, waiting.id));
    expect((await list(people.member, waiting.id)).json()).toMatchObject({
      dependencies: [{ dependsOnId: awaited.id, open: false }],
    });

    const allowed = await move(people.member, waiting.id, done.id);
    expect(allowed.statusCode, allowed.body).toBe(200);
  });

  it("announces a delivery to every waiting demand on every board, each board's events at its next seqs with no gap", async () => {
    const platform = await createBoard(people.admin, "Platform team");
    const awaited = await inRelease(people.admin, platform, "Ledger API");
    const here = [await addDemand(people.admin, board), await addDemand(people.admin, board)];
    const there = await addDemand(people.admin, platform);
    for (const waiting of [...here, there]) {
      expect((await add(people.admin, waiting.id, awaited.id)).statusCode).toBe(201);
    }
    const seqBefore = async (on: TBoard) =>
      ((await people.admin.request({ method: "GET", url: `/api/boards/${on.id}` })).json() as TBoard).seq;
    const [boardSeq, platformSeq] = [await seqBefore(board), await seqBefore(platform)];
    const [boardEvents, platformEvents] = [
      await watch(people.admin, board.id),
      await watch(people.admin, platform.id),
    ];

    expect((await move(people.admin, awaited.id, stageNamed(platform, "Done").id)).statusCode).toBe(200);
    await waitFor(() => here.every((demand) => dependencyEventFor(boardEvents, demand.id)()));
    await waitFor(dependencyEventFor(platformEvents, there.id));

    const announced = boardEvents.filter((event) => event.type === "dependency.changed");
    expect(announced.map((event) => event.seq)).toEqual([boardSeq + 1, boardSeq + 2]);
    expect(new Set(announced.map((event) => event.payload.demandId))).toEqual(new Set(here.map((d) => d.id)));
    // The platform board's own move took the first seq, its waiting demand the next.
    expect(platformEvents.map((event) => [event.type, event.seq])).toEqual([
      ["demand.moved", platformSeq + 1],
      ["dependency.changed", platformSeq + 2],
    ]);
    expect(await seqBefore(board)).toBe(boardSeq + 2);
  });

  it("counts an archived demand as no longer waited on", async () => {
    const waiting = await addDemand(people.admin, board);
    const dropped = await addDemand(people.admin, board);
    expect((await add(people.member, waiting.id, dropped.id)).statusCode).toBe(201);
    const archived = await people.member.request({
      method: "PATCH",
      url: `/api/demands/${dropped.id}`,
      payload: { archived: true },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect((await list(people.member, waiting.id)).json()).toMatchObject({
      dependencies: [{ dependsOnId: dropped.id, open: false }],
    });
    expect((await add(people.member, waiting.id, dropped.id)).json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("dependsOnId"),
    });
  });
});
