import type {
  TAcceptedInvitation,
  TInvitationCreated,
  TInvitationList,
  TInvitationPreview,
} from "@tideway/contracts";
import { describe, expect, it } from "vitest";
import type { Config } from "../src/config";
import { createBoard } from "./helpers/board";
import { type Client, createClient, ORIGIN } from "./helpers/session";
import { type TestContext, useTestApp } from "./test-app";

const PASSWORD = "lantern orbit velvet";

/** Invitations (issue 17): add-member invites, the link signs up and joins in one step, SIGNUP policies. */
function invitationHelpers(ctx: TestContext) {
  const invite = async (admin: Client, boardId: string, email: string, role = "member") => {
    const response = await admin.request({
      method: "POST",
      url: `/api/boards/${boardId}/members`,
      payload: { email, role },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as TInvitationCreated;
  };
  const acceptAnonymously = (path: string, payload: object) =>
    ctx.app.inject({ method: "POST", url: `/api${path}/accept`, headers: { origin: ORIGIN }, payload });
  const emailOf = async (client: Client) =>
    (await ctx.db.user.findUniqueOrThrow({ where: { id: client.userId } })).email;
  return { invite, acceptAnonymously, emailOf };
}

describe("invitations", () => {
  const ctx = useTestApp();
  const { invite, acceptAnonymously, emailOf } = invitationHelpers(ctx);

  it("[F12] answers adding an email with an account and one without in the same way", async () => {
    const admin = await createClient(ctx.app, "Ada Admin");
    const board = await createBoard(admin);
    const existing = await createClient(ctx.app, "existing");
    const withAccount = await admin.request({
      method: "POST",
      url: `/api/boards/${board.id}/members`,
      payload: { email: await emailOf(existing) },
    });
    const withoutAccount = await admin.request({
      method: "POST",
      url: `/api/boards/${board.id}/members`,
      payload: { email: "nobody-yet@example.test" },
    });
    expect([withAccount.statusCode, withoutAccount.statusCode]).toEqual([201, 201]);
    const shape = (body: TInvitationCreated) => ({
      keys: Object.keys(body).sort(),
      invitationKeys: Object.keys(body.invitation).sort(),
      emailed: body.emailed,
      role: body.invitation.role,
    });
    expect(shape(withAccount.json())).toEqual(shape(withoutAccount.json()));
    // Neither is a member yet: nothing in the member list tells them apart either.
    expect(await ctx.db.boardMember.count({ where: { boardId: board.id } })).toBe(1);
  });

  it("signs up and joins in one step with the link, which then stops working", async () => {
    const admin = await createClient(ctx.app, "Ada Admin");
    const board = await createBoard(admin, "Invited board");
    const { path, invitation } = await invite(admin, board.id, "Newcomer@Example.test", "viewer");
    expect(path).toMatch(/^\/invitations\/inv_[\w-]{43}$/);
    expect(invitation).toMatchObject({
      email: "newcomer@example.test",
      role: "viewer",
      invitedBy: "Ada Admin",
    });

    const preview = await ctx.app.inject({ method: "GET", url: `/api${path}` });
    expect(preview.json()).toMatchObject({
      boardName: "Invited board",
      email: "newcomer@example.test",
      role: "viewer",
    } satisfies Partial<TInvitationPreview>);

    const weak = await acceptAnonymously(path, { name: "Nia Newcomer", password: "password1234" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ details: { issues: [{ field: "body.password" }] } });

    const accepted = await acceptAnonymously(path, { name: "Nia Newcomer", password: PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json() as TAcceptedInvitation).toMatchObject({
      boardId: board.id,
      user: { email: "newcomer@example.test", name: "Nia Newcomer", isInstanceAdmin: false },
    });
    const cookie = accepted.cookies.find((c) => c.name === "tideway_session");
    const opened = await ctx.app.inject({
      method: "GET",
      url: `/api/boards/${board.id}`,
      headers: { cookie: `tideway_session=${cookie?.value}` },
    });
    expect(opened.statusCode).toBe(200);
    const member = await ctx.db.boardMember.findFirstOrThrow({
      where: { boardId: board.id, user: { email: "newcomer@example.test" } },
    });
    expect(member.role).toBe("viewer");

    for (const again of [
      await acceptAnonymously(path, { name: "Someone Else", password: PASSWORD }),
      await ctx.app.inject({ method: "GET", url: `/api${path}` }),
    ]) {
      expect(again.statusCode).toBe(404);
      expect(again.json()).toMatchObject({
        code: "NOT_FOUND",
        message: expect.stringMatching(/^This invitation link does not work/),
      });
    }
  });

  it("lets a signed-in person with the invited email join; refuses another account, an expired and a withdrawn link", async () => {
    const admin = await createClient(ctx.app, "Ada Admin");
    const board = await createBoard(admin);
    const invitee = await createClient(ctx.app, "invitee");
    const other = await createClient(ctx.app, "other");
    const { path } = await invite(admin, board.id, await emailOf(invitee));

    const wrongPerson = await other.request({ method: "POST", url: `/api${path}/accept` });
    expect(wrongPerson.statusCode).toBe(403);
    expect(wrongPerson.json()).toMatchObject({ message: expect.stringMatching(/^This invitation is for /) });
    const existing = await acceptAnonymously(path, { password: PASSWORD });
    expect(existing.statusCode).toBe(409);
    expect(existing.json()).toMatchObject({
      message: expect.stringContaining("already has a Tideway account"),
    });

    const joined = await invitee.request({ method: "POST", url: `/api${path}/accept` });
    expect(joined.statusCode, joined.body).toBe(200);
    expect((await invitee.request({ method: "GET", url: `/api/boards/${board.id}` })).statusCode).toBe(200);

    const expiring = await invite(admin, board.id, "late@example.test");
    await ctx.db.invitation.updateMany({
      where: { boardId: board.id, email: "late@example.test" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await acceptAnonymously(expiring.path, { password: PASSWORD })).statusCode).toBe(404);

    const withdrawn = await invite(admin, board.id, "withdrawn@example.test");
    const listed = await admin.request({ method: "GET", url: `/api/boards/${board.id}/invitations` });
    expect((listed.json() as TInvitationList).invitations.map((i) => i.email)).toEqual([
      "withdrawn@example.test",
    ]);
    const revoked = await admin.request({
      method: "DELETE",
      url: `/api/boards/${board.id}/invitations/${withdrawn.invitation.id}`,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await acceptAnonymously(withdrawn.path, { password: PASSWORD })).statusCode).toBe(404);
    expect(
      await ctx.db.user.count({ where: { email: { in: ["late@example.test", "withdrawn@example.test"] } } }),
    ).toBe(0);
  });

  it("lets only the board's admins invite, list and withdraw", async () => {
    const admin = await createClient(ctx.app, "Ada Admin");
    const board = await createBoard(admin);
    const member = await createClient(ctx.app, "Mo Member");
    await ctx.db.boardMember.create({ data: { boardId: board.id, userId: member.userId, role: "member" } });
    const { invitation } = await invite(admin, board.id, "someone@example.test");
    for (const [method, url] of [
      ["POST", `/api/boards/${board.id}/members`],
      ["GET", `/api/boards/${board.id}/invitations`],
      ["DELETE", `/api/boards/${board.id}/invitations/${invitation.id}`],
    ] as const) {
      const response = await member.request({
        method,
        url,
        payload: method === "POST" ? { email: "x@example.test" } : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
    }
  });
});

function signUpPolicyApp(signUp: Config["signUp"]) {
  const ctx = useTestApp({ config: { signUp } });
  const signUpRequest = (email: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-up",
      headers: { origin: ORIGIN },
      payload: { email, password: PASSWORD },
    });
  return { ctx, signUpRequest, ...invitationHelpers(ctx) };
}

describe("SIGNUP=invite", () => {
  const { ctx, signUpRequest, invite, acceptAnonymously } = signUpPolicyApp("invite");

  it("lets the first account sign up (the instance admin), then only the invited", async () => {
    const first = await signUpRequest("first@example.test");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ user: { isInstanceAdmin: true } });

    const second = await signUpRequest("second@example.test");
    expect(second.statusCode).toBe(403);
    expect(second.json()).toMatchObject({
      code: "SIGN_UP_INVITE_ONLY",
      message: expect.stringContaining("need an invitation"),
    });

    const admin = await createClient(ctx.app, "Ada Admin");
    const board = await createBoard(admin);
    const { path } = await invite(admin, board.id, "second@example.test");
    const accepted = await acceptAnonymously(path, { name: "Second", password: PASSWORD });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
});

describe("SIGNUP=closed", () => {
  const { ctx, signUpRequest, invite, acceptAnonymously } = signUpPolicyApp("closed");

  it("takes no new accounts after the first, not even invited ones; invitations reach existing accounts", async () => {
    expect((await signUpRequest("first@example.test")).statusCode).toBe(201);
    expect((await signUpRequest("second@example.test")).statusCode).toBe(403);

    const admin = await createClient(ctx.app, "Ada Admin");
    const board = await createBoard(admin);
    const { path } = await invite(admin, board.id, "stranger@example.test");
    const refused = await acceptAnonymously(path, { password: PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ message: expect.stringContaining("does not take new accounts") });
    expect(await ctx.db.user.count({ where: { email: "stranger@example.test" } })).toBe(0);
    // The refusal left the link usable: an administrator may still create the account.
    expect((await ctx.app.inject({ method: "GET", url: `/api${path}` })).statusCode).toBe(200);
  });
});
