import type { TBoard, TBoardSummary } from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./database";
import { type ServerProcess, signInOver, startServerProcess } from "./helpers/server-process";
import { connectSocket, join, recordEvents, waitFor } from "./helpers/socket";

describe("several API processes on one database", () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Both start at once: only one of them may seed the demo.
    [a, b] = await Promise.all([
      startServerProcess({ DATABASE_URL: database.url }),
      startServerProcess({ DATABASE_URL: database.url }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it("delivers a move made through process A once to a client on B and once to a client on A", async () => {
    expect([a.output(), b.output()].filter((output) => output.includes("demo board seeded"))).toHaveLength(1);
    const cookieA = await signInOver(a.url, "demo@tideway.local", "tideway-demo");
    const cookieB = await signInOver(b.url, "demo@tideway.local", "tideway-demo");
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
    const moved = await fetch(`${a.url}/api/demands/${demand.id}/move`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: a.url, cookie: cookieA },
      body: JSON.stringify({ toStageId: demand.stageId }),
    });
    expect(moved.status).toBe(200);
    await waitFor(() => events.length > 0 && localEvents.length > 0, 5_000);
    const expected = { type: "demand.moved", seq: board.seq + 1, payload: { demand: { id: demand.id } } };
    // Time for a duplicate to arrive, had the relay echoed back to A or reached B twice.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events).toMatchObject([expected]);
    expect(localEvents).toMatchObject([expected]);
    socket.disconnect();
    local.disconnect();
  });
});
