import type { TInvitationCreated } from "@tideway/contracts";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/password";
import { createBoard } from "./helpers/board";
import { useMailbox } from "./helpers/mailbox";
import { createClient, ORIGIN } from "./helpers/session";
import { useTestApp } from "./test-app";

const PUBLIC_URL = "http://tideway.test";
const OLD_PASSWORD = "the old password";
const NEW_PASSWORD = "lantern orbit velvet";

/** Email through a real SMTP server the test starts: invitations, password reset, the change notice. */
describe("mail (SMTP_URL)", { timeout: 120_000 }, () => {
  const mailbox = useMailbox();
  const ctx = useTestApp({
    config: {
      get smtpUrl() {
        return mailbox.url;
      },
      publicUrl: PUBLIC_URL,
    },
  });
  const post = (url: string, payload: object) =>
    ctx.app.inject({ method: "POST", url, headers: { origin: ORIGIN }, payload });
  const signIn = (email: string, password: string) => post("/api/auth/sign-in", { email, password });
  const linkIn = (text: string, path: string) =>
    new RegExp(`${PUBLIC_URL}(/${path}/[\\w-]+)`).exec(text)?.[1] ?? "";

  async function person(name: string) {
    const client = await createClient(ctx.app, name);
    const { email } = await ctx.db.user.update({
      where: { id: client.userId },
      data: { passwordHash: await hashPassword(OLD_PASSWORD) },
    });
    return { client, email };
  }

  it("emails the invitation link (at PUBLIC_URL), the same link the admin sees", async () => {
    const { client: admin } = await person("ada");
    const board = await createBoard(admin, "Mailed board");
    const response = await admin.request({
      method: "POST",
      url: `/api/boards/${board.id}/members`,
      payload: { email: "mailed@example.test" },
    });
    const created = response.json() as TInvitationCreated;
    expect(created.emailed).toBe(true);
    const mail = await mailbox.next("mailed@example.test", /^You are invited to Mailed board on Tideway$/);
    expect(linkIn(mail.text, "invitations")).toBe(created.path);
    expect(mail.text).toContain("ada invited you to the board Mailed board as member");
  });

  it("resets a password by a single-use emailed link; the answer is the same for an unknown email", async () => {
    const { client, email } = await person("forgetful");
    const unknown = await post("/api/auth/password-reset", { email: "nobody@example.test" });
    const known = await post("/api/auth/password-reset", { email });
    expect([unknown.statusCode, known.statusCode]).toEqual([202, 202]);
    expect(unknown.json()).toEqual(known.json());
    const mail = await mailbox.next(email, /^Reset your Tideway password$/);
    // The known address's mail came after the unknown one's request: none went to the unknown address.
    expect(mailbox.mails.some((m) => m.to.includes("nobody@example.test"))).toBe(false);

    const path = linkIn(mail.text, "reset-password");
    expect(path).toMatch(/^\/reset-password\/pwr_/);
    const weak = await post(`/api${path.replace("/reset-password/", "/auth/password-reset/")}`, {
      password: "password1234",
    });
    expect(weak.statusCode).toBe(400);
    const reset = await post(`/api${path.replace("/reset-password/", "/auth/password-reset/")}`, {
      password: NEW_PASSWORD,
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await client.request({ method: "GET", url: "/api/auth/me" })).statusCode).toBe(401);
    expect((await signIn(email, OLD_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
    const again = await post(`/api${path.replace("/reset-password/", "/auth/password-reset/")}`, {
      password: "another fine passphrase",
    });
    expect(again.statusCode).toBe(404);
    await mailbox.next(email, /^Your Tideway password was changed$/);
  });

  it("tells the account's email when its password was changed", async () => {
    const { client, email } = await person("changer");
    const changed = await client.request({
      method: "POST",
      url: "/api/auth/password",
      payload: { currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const notice = await mailbox.next(email, /^Your Tideway password was changed$/);
    expect(notice.text).toContain(`${PUBLIC_URL}/forgot-password`);
  });

  it("[F12] answers a sign-up for a taken email as for a new one, and tells the owner by email instead", async () => {
    const { email: taken } = await person("owner");
    const fresh = "newcomer@example.test";
    const signUp = (email: string) =>
      post("/api/auth/sign-up", { email, name: "Newcomer", password: "copper lantern drifts north" });
    const [forFresh, forTaken] = [await signUp(fresh), await signUp(taken)];
    const answer = (response: typeof forFresh, email: string) => ({
      status: response.statusCode,
      body: response.body.replaceAll(email, "<email>"),
      signedIn: response.headers["set-cookie"] !== undefined,
    });
    expect(answer(forTaken, taken)).toEqual(answer(forFresh, fresh));
    expect(forFresh.statusCode).toBe(202);

    const notice = await mailbox.next(taken, /^Someone tried to sign up to Tideway with your email$/);
    expect(notice.text).toContain(`${PUBLIC_URL}/forgot-password`);
    const confirmation = await mailbox.next(fresh, /^Confirm your Tideway account$/);
    const path = linkIn(confirmation.text, "confirm-sign-up");
    expect(path).toMatch(/^\/confirm-sign-up\/sup_/);
    expect((await signIn(fresh, "copper lantern drifts north")).statusCode).toBe(401);
    const confirmed = await post(`/api/auth/sign-up/confirm/${path.split("/").pop()}`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(confirmed.json()).toMatchObject({
      user: { email: fresh, name: "Newcomer", isInstanceAdmin: false },
    });
    const again = await post(`/api/auth/sign-up/confirm/${path.split("/").pop()}`, {});
    expect(again.statusCode).toBe(404);
    expect((await signIn(fresh, "copper lantern drifts north")).statusCode).toBe(200);
  });
});

describe("password reset without mail", () => {
  const ctx = useTestApp();

  it("says it cannot, the same for every email", async () => {
    const answers = await Promise.all(
      ["nobody@example.test", "someone@example.test"].map((email) =>
        ctx.app.inject({
          method: "POST",
          url: "/api/auth/password-reset",
          headers: { origin: ORIGIN },
          payload: { email },
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual([409, 409]);
    expect(answers[0]?.json()).toEqual(answers[1]?.json());
  });
});
