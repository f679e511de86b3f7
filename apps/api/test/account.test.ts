import type { TApiTokenList, TAuditPage, TCreatedToken } from "@tideway/contracts";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../src/auth/password";
import { createBoard } from "./helpers/board";
import { type Client, createClient, ORIGIN } from "./helpers/session";
import { disconnection, join } from "./helpers/socket";
import { useSocketClients } from "./helpers/socket-clients";
import { useTestApp } from "./test-app";

const PASSWORD = "the current password";
/** Each password check runs scrypt (about a second on a busy machine): the closing may come that late. */
const CLOSE_WAIT_MS = 60_000;

/** "Your account": API tokens, password, other sessions, deleting the account. */
describe("your account", { timeout: 120_000 }, () => {
  const ctx = useTestApp();
  const { tab: openSocket, script: openScriptSocket, anotherSession } = useSocketClients(ctx);

  async function person(name: string, password = PASSWORD): Promise<Client> {
    const client = await createClient(ctx.app, name);
    await ctx.db.user.update({
      where: { id: client.userId },
      data: { passwordHash: await hashPassword(password) },
    });
    return client;
  }
  async function mintToken(client: Client, name = "CI", expiresInDays?: number): Promise<TCreatedToken> {
    const response = await client.request({
      method: "POST",
      url: "/api/tokens",
      payload: { name, expiresInDays },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as TCreatedToken;
  }
  const withToken = (
    token: string,
    options: { method: "GET" | "POST" | "DELETE"; url: string; payload?: object },
  ) => ctx.app.inject({ ...options, headers: { authorization: `Bearer ${token}` } });
  const signedIn = async (client: Client) =>
    (await client.request({ method: "GET", url: "/api/auth/me" })).statusCode === 200;

  it("lists your API tokens with name, dates and expiry, never a secret and never another person's", async () => {
    const owner = await person("token lister");
    const stranger = await person("stranger");
    const ci = await mintToken(owner, "CI", 30);
    await mintToken(owner, "Laptop script");
    await mintToken(stranger, "Not yours");
    expect((await withToken(ci.token, { method: "GET", url: "/api/boards" })).statusCode).toBe(200);

    const listed = (await owner.request({ method: "GET", url: "/api/tokens" })).json() as TApiTokenList;
    expect(listed.tokens.map((token) => token.name)).toEqual(["Laptop script", "CI"]);
    const used = listed.tokens.find((token) => token.id === ci.id);
    expect(used).toEqual({
      id: ci.id,
      name: "CI",
      createdAt: expect.any(String),
      lastUsedAt: expect.any(String),
      expiresAt: ci.expiresAt,
    });
    expect(listed.tokens.find((token) => token.name === "Laptop script")?.lastUsedAt).toBeNull();
    expect(JSON.stringify(listed)).not.toContain(ci.token);
  });

  it("revokes a token: it stops working at once, its socket is closed, and another person's token is 404", async () => {
    const owner = await person("revoker");
    const stranger = await person("other revoker");
    const board = await createBoard(owner);
    const script = await mintToken(owner, "deploy bot");
    const socket = await openScriptSocket(script.token);
    expect(await join(socket, board.id)).toMatchObject({ ok: true });

    const notTheirs = await stranger.request({ method: "DELETE", url: `/api/tokens/${script.id}` });
    expect(notTheirs.statusCode).toBe(404);
    expect((await withToken(script.token, { method: "GET", url: "/api/boards" })).statusCode).toBe(200);

    const closed = disconnection(socket);
    expect((await owner.request({ method: "DELETE", url: `/api/tokens/${script.id}` })).statusCode).toBe(204);
    expect(await closed).toBe("io server disconnect");
    expect((await withToken(script.token, { method: "GET", url: "/api/boards" })).json()).toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect((await owner.request({ method: "DELETE", url: `/api/tokens/${script.id}` })).statusCode).toBe(404);
  });

  it("refuses a token minting tokens or changing the account (403), and sign-out everywhere leaves tokens working", async () => {
    const owner = await person("token holder");
    const { token } = await mintToken(owner);
    const asToken = [
      await withToken(token, { method: "POST", url: "/api/tokens", payload: { name: "another" } }),
      await withToken(token, {
        method: "POST",
        url: "/api/auth/password",
        payload: { currentPassword: PASSWORD, newPassword: "a brand new password" },
      }),
      await withToken(token, { method: "POST", url: "/api/auth/sign-out-others" }),
      await withToken(token, { method: "DELETE", url: "/api/auth/account", payload: { password: PASSWORD } }),
    ];
    expect(asToken.map((response) => response.statusCode)).toEqual([403, 403, 403, 403]);
    expect(asToken[0]?.json()).toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("sign in"),
    });
    expect(await ctx.db.apiToken.count({ where: { userId: owner.userId } })).toBe(1);

    const phone = await anotherSession(owner);
    const everywhere = await owner.request({
      method: "POST",
      url: "/api/auth/sign-out",
      payload: { everywhere: true },
    });
    expect(everywhere.statusCode).toBe(204);
    expect([await signedIn(owner), await signedIn(phone)]).toEqual([false, false]);
    expect((await withToken(token, { method: "GET", url: "/api/boards" })).statusCode).toBe(200);
  });

  it("changes the password only with the current one, and signs out the other sessions and their sockets", async () => {
    const owner = await person("changer");
    const laptop = await anotherSession(owner);
    const laptopSocket = await openSocket(laptop);
    const wrong = await owner.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: "not my password", newPassword: "a brand new password" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ details: { issues: [{ field: "body.currentPassword" }] } });
    expect(await signedIn(laptop)).toBe(true);

    const closed = disconnection(laptopSocket, CLOSE_WAIT_MS);
    const changed = await owner.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: PASSWORD, newPassword: "a brand new password" },
    });
    expect(changed.statusCode).toBe(204);
    expect(await closed).toBe("io server disconnect");
    expect([await signedIn(owner), await signedIn(laptop)]).toEqual([true, false]);
    const { email } = await ctx.db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    const signIn = (password: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { origin: ORIGIN },
        payload: { email, password },
      });
    expect((await signIn(PASSWORD)).statusCode).toBe(401);
    expect((await signIn("a brand new password")).statusCode).toBe(200);
  });

  it("[F12] refuses a guessable new password (400 naming newPassword) and keeps the old one", async () => {
    const owner = await person("guesser");
    const { email } = await ctx.db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    for (const newPassword of ["short one", "password1234", email]) {
      const refused = await owner.request({
        method: "POST",
        url: "/api/auth/password",
        payload: { currentPassword: PASSWORD, newPassword },
      });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(refused.json()).toMatchObject({ details: { issues: [{ field: "body.newPassword" }] } });
    }
    const stored = await ctx.db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    expect(await verifyPassword(PASSWORD, stored.passwordHash)).toBe(true);
  });

  it("signs in with a password set before the policy, such as the demo account's tideway-demo", async () => {
    const demo = await person("demo-like", "tideway-demo");
    const { email } = await ctx.db.user.findUniqueOrThrow({ where: { id: demo.userId } });
    const signIn = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { origin: ORIGIN },
      payload: { email, password: "tideway-demo" },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
  });

  it("signs out the other sessions, keeping this one", async () => {
    const owner = await person("careful");
    const lostLaptop = await anotherSession(owner);
    const closed = disconnection(await openSocket(lostLaptop));
    const keptSocket = await openSocket(owner);
    expect((await owner.request({ method: "POST", url: "/api/auth/sign-out-others" })).statusCode).toBe(204);
    expect(await closed).toBe("io server disconnect");
    expect([await signedIn(owner), await signedIn(lostLaptop)]).toEqual([true, false]);
    const ownBoard = await createBoard(owner);
    expect(await join(keptSocket, ownBoard.id)).toMatchObject({ ok: true });
  });

  it("deletes the account: history says Deleted user, sign-in and sockets end, boards only they were on go", async () => {
    const colleague = await person("colleague");
    const leaver = await person("leaver");
    const shared = await createBoard(colleague, "Shared");
    await ctx.db.boardMember.create({ data: { boardId: shared.id, userId: leaver.userId, role: "admin" } });
    const lane = await leaver.request({
      method: "POST",
      url: `/api/boards/${shared.id}/lanes`,
      payload: { name: "Leaver's lane" },
    });
    expect(lane.statusCode, lane.body).toBe(201);
    const solo = await createBoard(leaver, "Only mine");
    const { token } = await mintToken(leaver);
    const closed = disconnection(await openSocket(leaver), CLOSE_WAIT_MS);

    const wrong = await leaver.request({
      method: "DELETE",
      url: "/api/auth/account",
      payload: { password: "nope" },
    });
    expect(wrong.statusCode).toBe(400);
    const deleted = await leaver.request({
      method: "DELETE",
      url: "/api/auth/account",
      payload: { password: PASSWORD },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await closed).toBe("io server disconnect");
    expect(await signedIn(leaver)).toBe(false);
    expect((await withToken(token, { method: "GET", url: "/api/boards" })).statusCode).toBe(401);
    expect(await ctx.db.board.count({ where: { id: solo.id } })).toBe(0);

    const trail = (
      await colleague.request({ method: "GET", url: `/api/boards/${shared.id}/audit` })
    ).json() as TAuditPage;
    const laneAdded = trail.events.find(
      (event) => event.entity === "lane" && event.actor?.id === leaver.userId,
    );
    expect(laneAdded?.actor).toEqual({ id: leaver.userId, name: "Deleted user" });
    const members = await ctx.db.boardMember.findMany({
      where: { boardId: shared.id },
      select: { userId: true },
    });
    expect(members).toEqual([{ userId: colleague.userId }]);
    const row = await ctx.db.user.findUniqueOrThrow({ where: { id: leaver.userId } });
    expect(row).toMatchObject({ name: "Deleted user", deletedAt: expect.any(Date) });
    expect(row.email).not.toContain("leaver");
  });

  it("refuses to delete the last admin of a board others are on (409, naming it), and deletes nothing", async () => {
    const admin = await person("sole admin");
    const viewer = await createClient(ctx.app, "viewer");
    const board = await createBoard(admin, "Team board");
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: viewer.userId, role: "viewer" } });
    const refused = await admin.request({
      method: "DELETE",
      url: "/api/auth/account",
      payload: { password: PASSWORD },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining('"Team board"'),
      details: { boards: [{ id: board.id, name: "Team board" }] },
    });
    expect(await signedIn(admin)).toBe(true);
    expect(await ctx.db.boardMember.count({ where: { boardId: board.id } })).toBe(2);
  });
});
