import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";
import { createClient, ORIGIN } from "./helpers/session";
import { useTestApp } from "./test-app";

const PASSWORD = "correct horse battery";

describe("accounts and sessions", () => {
  const ctx = useTestApp();

  const signUp = (email: string, password = PASSWORD) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-up",
      headers: { origin: ORIGIN },
      payload: { email, password, name: "Ada" },
    });
  const signIn = (email: string, password: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { origin: ORIGIN },
      payload: { email, password },
    });
  const me = (cookie: string) => ctx.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
  const sessionCookie = (response: { cookies: { name: string; value: string }[] }) =>
    `tideway_session=${response.cookies.find((c) => c.name === "tideway_session")?.value}`;

  it("signs up, keeps the password only as a scrypt hash, and the first user becomes instance admin", async () => {
    const response = await signUp("Ada@Example.test");
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ user: { email: "ada@example.test", isInstanceAdmin: true } });
    const cookie = response.cookies.find((c) => c.name === "tideway_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const stored = await ctx.db.user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
    const session = await ctx.db.session.findFirstOrThrow({ where: { userId: stored.id } });
    expect(session.tokenHash).not.toBe(cookie?.value);

    const second = await signUp("bob@example.test");
    expect(second.json()).toMatchObject({ user: { isInstanceAdmin: false } });
    expect((await signUp("bob@example.test")).json()).toMatchObject({ code: "EMAIL_TAKEN" });
  });

  it("[F12] refuses a password of only spaces", async () => {
    const response = await signUp("spaces@example.test", " ".repeat(12));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toMatchObject({ message: "body.password: must not be only spaces" });
  });

  it("[F12] refuses a guessable new password with a 400 that says what to do (sign-ups are rate-limited: one try)", async () => {
    const response = await signUp("guessable@example.test", "password1234");
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^body\.password: is too easy to guess .*use a few unrelated words/),
      details: { issues: [{ field: "body.password" }] },
    });
    expect(await ctx.db.user.count({ where: { email: "guessable@example.test" } })).toBe(0);
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    await signUp("carol@example.test");
    const wrongPassword = await signIn("carol@example.test", "not her password");
    const unknownEmail = await signIn("nobody@example.test", "whatever password");
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.cookies).toHaveLength(0);

    const ok = await signIn("carol@example.test", PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect((await me(sessionCookie(ok))).json()).toMatchObject({ user: { email: "carol@example.test" } });
  });

  it("revokes the session on sign-out, and every session with sign-out everywhere", async () => {
    await signUp("dan@example.test");
    const [first, second, third] = await Promise.all([
      signIn("dan@example.test", PASSWORD),
      signIn("dan@example.test", PASSWORD),
      signIn("dan@example.test", PASSWORD),
    ]);
    const [a, b, c] = [first, second, third].map((r) => sessionCookie(r as NonNullable<typeof r>)) as [
      string,
      string,
      string,
    ];
    const out = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { origin: ORIGIN, cookie: a },
    });
    expect(out.statusCode, out.body).toBe(204);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(200);

    await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-out",
      headers: { origin: ORIGIN, cookie: b },
      payload: { everywhere: true },
    });
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(c)).statusCode).toBe(401);
  });

  it("refuses an expired session", async () => {
    const response = await signUp("erin@example.test");
    const cookie = sessionCookie(response);
    expect((await me(cookie)).statusCode).toBe(200);
    await ctx.db.session.updateMany({
      where: { user: { email: "erin@example.test" } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await me(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await ctx.db.session.count({ where: { user: { email: "erin@example.test" } } })).toBe(0);
  });

  it("refuses a cookie-authenticated write without this site's Origin", async () => {
    const cookie = sessionCookie(await signUp("frank@example.test"));
    for (const headers of [{ cookie }, { cookie, origin: "https://evil.example" }]) {
      const response = await ctx.app.inject({
        method: "POST",
        url: "/api/boards",
        headers,
        payload: { name: "Forged", key: "EVIL" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: "CROSS_SITE_REQUEST" });
    }
    expect(await ctx.db.board.count({ where: { key: "EVIL" } })).toBe(0);
  });

  it("issues API tokens for scripts, stored hashed, usable without cookies or Origin", async () => {
    const cookie = sessionCookie(await signUp("gina@example.test"));
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: { cookie, origin: ORIGIN },
      payload: { name: "CI script" },
    });
    expect(created.statusCode).toBe(201);
    const { token } = created.json() as { token: string };
    expect(await ctx.db.apiToken.count({ where: { tokenHash: token } })).toBe(0);

    const board = await ctx.app.inject({
      method: "POST",
      url: "/api/boards",
      headers: { authorization: `Bearer ${token}` },
      payload: { name: "Scripted", key: "SCR" },
    });
    expect(board.statusCode).toBe(201);
    const bogus = await ctx.app.inject({
      method: "GET",
      url: "/api/boards",
      headers: { authorization: "Bearer tw_nope" },
    });
    expect(bogus.statusCode).toBe(401);
  });

  it("rate-limits sign-in attempts with 429", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push(
        (
          await ctx.app.inject({
            method: "POST",
            url: "/api/auth/sign-in",
            headers: { origin: ORIGIN },
            remoteAddress: "10.9.8.7",
            // Counted before the body is read; refused (400) before any slow hashing.
            payload: { email: "x@example.test", password: "" },
          })
        ).statusCode,
      );
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe("sign-up in the default configuration (no mail)", () => {
  // What an instance started with no settings at all does, not the tests' explicit SIGNUP=open.
  const ctx = useTestApp({ config: { signUp: loadConfig({}).signUp } });
  const signUp = (email: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-up",
      headers: { origin: ORIGIN },
      payload: { email, password: PASSWORD, name: "Eve" },
    });

  it("[F12] lets the first account sign up, then answers a taken email exactly as a fresh one", async () => {
    const first = await signUp("first@example.test");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ user: { isInstanceAdmin: true } });

    const taken = await signUp("first@example.test");
    const fresh = await signUp("fresh@example.test");
    expect({ status: taken.statusCode, body: taken.json() }).toEqual({
      status: fresh.statusCode,
      body: fresh.json(),
    });
    expect(fresh.statusCode).toBe(403);
    expect(fresh.json()).toMatchObject({ code: "SIGN_UP_INVITE_ONLY" });
    expect(await ctx.db.user.count()).toBe(1);
  });
});

describe("what the sign-in page offers in the default configuration (no mail)", () => {
  const ctx = useTestApp({ config: { signUp: loadConfig({}).signUp } });
  const signUpOffered = async () =>
    (await ctx.app.inject({ method: "GET", url: "/api/auth/sign-in-options" })).json().signUp;

  it("offers sign-up while no account exists (the first becomes admin), then only invitations", async () => {
    expect(await signUpOffered()).toBe("open");
    await createClient(ctx.app, "admin");
    expect(await signUpOffered()).toBe("invite");
  });
});
