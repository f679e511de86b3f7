import type { TBoard, TBoardSummary, TDemand } from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./database";
import { stageNamed } from "./helpers/board";
import { type ServerProcess, signInOver, startServerProcess } from "./helpers/server-process";
import { connectSocket, join, recordEvents, waitFor } from "./helpers/socket";

describe("several API processes on one database", () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let cookieA: string;
  let cookieB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Both start at once: only one of them may seed the demo.
    [a, b] = await Promise.all([
      startServerProcess({ DATABASE_URL: database.url }),
      startServerProcess({ DATABASE_URL: database.url }),
    ]);
    cookieA = await signInOver(a.url, "demo@tideway.local", "tideway-demo");
    cookieB = await signInOver(b.url, "demo@tideway.local", "tideway-demo");
  }, 120_000);

  /** A cookie-authenticated JSON request through one process, with the Origin a browser sends. */
  const send = (server: ServerProcess, method: string, url: string, body: unknown) =>
    fetch(`${server.url}${url}`, {
      method,
      headers: {
        "content-type": "application/json",
        origin: server.url,
        cookie: server === a ? cookieA : cookieB,
      },
      body: JSON.stringify(body),
    });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it("delivers a move made through process A once to a client on B and once to a client on A", async () => {
    expect([a.output(), b.output()].filter((output) => output.includes("demo board seeded"))).toHaveLength(1);
    const { boards } = (await (
      await fetch(`${a.url}/api/boards`, { headers: { cookie: cookieA } })
    ).json()) as {
      boards: TBoardSummary[];
    };
    const boardId = boards[0]?.id as string;
    const board = (await (
      await fetch(`${a.url}/api/boards/${boardId}`, { headers: { cookie: cookieA } })
    ).json()) as TBoard;

    const socket = await connectSocket(b.url, cookieB);
    const events = recordEvents(socket);
    const ack = await join(socket, boardId);
    expect(ack).toMatchObject({ ok: true, seq: board.seq });
    // A client of the process that makes the move hears it from that process directly.
    const local = await connectSocket(a.url, cookieA);
    const localEvents = recordEvents(local);
    expect(await join(local, boardId)).toMatchObject({ ok: true, seq: board.seq });

    const selection = board.stages[0]?.id as string;
    const demand = board.demands.find((d) => d.stageId === selection) ?? board.demands[0];
    if (!demand) throw new Error("the demo board has no demands");
    const moveThrough = async (server: ServerProcess) =>
      expect(
        (await send(server, "POST", `/api/demands/${demand.id}/move`, { toStageId: demand.stageId })).status,
      ).toBe(200);
    await moveThrough(a);
    await waitFor(() => events.length > 0 && localEvents.length > 0, 5_000);
    // Barriers: a duplicate of the move would come through the database's relay, as a later
    // change made through the other process does, and ahead of it (one channel, in order).
    // So once B has a move made later through A, and A one made later through B, any echo
    // back to A or second copy on B of the first move would have arrived.
    await moveThrough(b);
    await waitFor(() => localEvents.length >= 2, 5_000);
    await moveThrough(a);
    await waitFor(() => events.length >= 3, 5_000);
    const movedWith = (seq: number) => ({
      type: "demand.moved",
      seq,
      payload: { demand: { id: demand.id } },
    });
    const first = movedWith(board.seq + 1);
    const second = movedWith(board.seq + 2);
    expect(events).toMatchObject([first, second, movedWith(board.seq + 3)]);
    expect(localEvents.slice(0, 2)).toMatchObject([first, second]);
    socket.disconnect();
    local.disconnect();
  });

  it("holds a hard WIP limit when concurrent moves into the stage arrive through both processes", async () => {
    const created = await send(a, "POST", "/api/boards", {
      name: "Two processes",
      key: "TWOPROC",
      template: "empty",
    });
    expect(created.status).toBe(201);
    const board = (await created.json()) as TBoard;
    const doing = stageNamed(board, "Doing");
    const limited = await send(b, "PATCH", `/api/boards/${board.id}/stages/${doing.id}`, {
      wipLimit: 4,
      wipPolicy: "hard",
    });
    expect(limited.status).toBe(200);
    const demands = await Promise.all(
      Array.from({ length: 40 }, async (_, index) => {
        const response = await send(a, "POST", `/api/boards/${board.id}/demands`, {
          title: `Demand ${index}`,
        });
        return ((await response.json()) as { demand: TDemand }).demand;
      }),
    );

    const read = async (boardId: string) =>
      (await (
        await fetch(`${b.url}/api/boards/${boardId}`, { headers: { cookie: cookieB } })
      ).json()) as TBoard;
    const before = await read(board.id);

    // Every other move goes through the other process; each process checks the limit itself.
    const responses = await Promise.all(
      demands.map((demand, index) => {
        const server = index % 2 === 0 ? a : b;
        return send(server, "POST", `/api/demands/${demand.id}/move`, { toStageId: doing.id });
      }),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    expect(statuses.filter((status) => status === 409)).toHaveLength(36);
    const after = await read(board.id);
    expect(after.demands.filter((demand) => demand.stageId === doing.id)).toHaveLength(4);
    // Four changes to the board's log, one per admitted move; the refused ones changed nothing.
    expect(after.seq).toBe(before.seq + 4);
  });
});
