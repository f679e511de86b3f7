import type { TBoard, TDemandChange } from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardWithRoles } from "./helpers/board-roles";
import { addDemand } from "./helpers/demands";
import type { Client } from "./helpers/session";
import { type BoardClientSocket, connectSocket, join, recordEvents, waitFor } from "./helpers/socket";
import { useTestApp } from "./test-app";

describe("a demand's owner (PATCH /api/demands/:id { ownerId })", () => {
  const ctx = useTestApp();
  let baseUrl: string;
  let admin: Client;
  let member: Client;
  let viewer: Client;
  let stranger: Client;
  let board: TBoard;
  const sockets: BoardClientSocket[] = [];

  beforeAll(async () => {
    baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
    ({ board, admin, member, viewer, stranger } = await boardWithRoles(ctx.app));
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });

  const setOwner = (client: Client, demandId: string, ownerId: string | null) =>
    client.request({ method: "PATCH", url: `/api/demands/${demandId}`, payload: { ownerId } });

  it("sets and clears the owner, logs each change with who made it, and broadcasts it", async () => {
    const demand = await addDemand(admin, board);
    const socket = await connectSocket(baseUrl, viewer.cookie);
    sockets.push(socket);
    expect(await join(socket, board.id)).toMatchObject({ ok: true });
    const events = recordEvents(socket);

    const set = await setOwner(member, demand.id, member.userId);
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as TDemandChange).demand.ownerId).toBe(member.userId);
    await waitFor(() =>
      events.some((e) => e.type === "demand.updated" && e.payload.demand.ownerId === member.userId),
    );

    // Setting the same owner again changes nothing in the log.
    expect((await setOwner(member, demand.id, member.userId)).statusCode).toBe(200);
    expect((await setOwner(admin, demand.id, null)).statusCode).toBe(200);

    const logged = await ctx.db.transition.findMany({
      where: { demandId: demand.id, kind: "owner_changed" },
      orderBy: { id: "asc" },
    });
    expect(logged.map((row) => [row.note, row.actorId])).toEqual([
      [member.userId, member.userId],
      [null, admin.userId],
    ]);
  });

  it("refuses an owner who is not a member of the board, naming the field", async () => {
    const demand = await addDemand(admin, board);
    const response = await setOwner(admin, demand.id, stranger.userId);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("ownerId"),
    });
  });

  it("lets a viewer read the owner but not set it, and answers a non-member 404", async () => {
    const demand = await addDemand(admin, board, {});
    expect((await setOwner(viewer, demand.id, viewer.userId)).statusCode).toBe(403);
    expect((await setOwner(stranger, demand.id, stranger.userId)).statusCode).toBe(404);
    expect(await ctx.db.transition.count({ where: { demandId: demand.id, kind: "owner_changed" } })).toBe(0);
  });
});
