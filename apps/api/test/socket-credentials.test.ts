import { describe, expect, it } from "vitest";
import { createBoard } from "./helpers/board";
import { type Client, createClient } from "./helpers/session";
import { disconnection, join } from "./helpers/socket";
import { useSocketClients } from "./helpers/socket-clients";
import { useTestApp } from "./test-app";

/**
 * A socket proves who it is once, at its handshake; these check that ending
 * the credential behind it (sign-out, sign-out everywhere, expiry) ends it too.
 */
describe("sockets end with the credential that opened them", () => {
  const ctx = useTestApp();
  const { tab: open, anotherSession: secondSession } = useSocketClients(ctx);

  const signOut = (client: Client, everywhere = false) =>
    client.request({ method: "POST", url: "/api/auth/sign-out", payload: { everywhere } });

  it("closes the signed-out session's socket and keeps the other session's", async () => {
    const laptop = await createClient(ctx.app, "laptop");
    const phone = await secondSession(laptop);
    const board = await createBoard(laptop);
    const laptopSocket = await open(laptop);
    const phoneSocket = await open(phone);
    expect(await join(laptopSocket, board.id)).toMatchObject({ ok: true });

    const closed = disconnection(laptopSocket);
    expect((await signOut(laptop)).statusCode).toBe(204);
    expect(await closed).toBe("io server disconnect");
    // The phone's session lives on: its socket still answers and joins.
    expect(await join(phoneSocket, board.id)).toMatchObject({ ok: true });
    expect(phoneSocket.connected).toBe(true);
  });

  it("closes every session's socket on sign-out everywhere", async () => {
    const laptop = await createClient(ctx.app, "everywhere");
    const phone = await secondSession(laptop);
    const closed = [disconnection(await open(laptop)), disconnection(await open(phone))];
    expect((await signOut(phone, true)).statusCode).toBe(204);
    expect(await Promise.all(closed)).toEqual(["io server disconnect", "io server disconnect"]);
  });

  it("re-checks the credential on board:join: a session ended behind the server's back is refused and closed", async () => {
    const client = await createClient(ctx.app, "expired");
    const board = await createBoard(client);
    const socket = await open(client);
    expect(await join(socket, board.id)).toMatchObject({ ok: true });

    // As an expired or externally deleted session: no sign-out call closed the socket.
    await ctx.db.session.deleteMany({ where: { userId: client.userId } });
    const closed = disconnection(socket);
    expect(await join(socket, board.id)).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await closed).toBe("io server disconnect");
  });
});
