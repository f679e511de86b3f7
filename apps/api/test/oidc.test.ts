import { describe, expect, it } from "vitest";
import { signInAtProvider, TEST_PUBLIC_URL, useOidcProvider } from "./helpers/oidc-provider";
import { createClient, ORIGIN } from "./helpers/session";
import type { TestContext } from "./test-app";
import { useTestApp } from "./test-app";

const PEOPLE = {
  ada: { email: "ada@example.test", email_verified: true, name: "Ada from SSO" },
  newcomer: { email: "newcomer@example.test", email_verified: true, name: "New Comer" },
  mallory: { email: "victim@example.test", email_verified: false, name: "Mallory" },
  "verified-as-text": { email: "victim@example.test", email_verified: "true" as unknown as boolean },
  stranger: { email: "stranger@example.test", email_verified: true },
  bea: { email: "bea@example.test", email_verified: true, name: "Bea" },
};

/** Starts single sign-on at Tideway, signs in at the provider, and brings its answer back to Tideway. */
async function signInWithProvider(ctx: TestContext, login: string) {
  const start = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
  expect(start.statusCode, start.body).toBe(302);
  const attempt = start.cookies.find((cookie) => cookie.name === "tideway_oidc");
  const callback = await signInAtProvider(start.headers.location as string, login);
  const answer = await ctx.app.inject({
    method: "GET",
    url: callback,
    cookies: { tideway_oidc: attempt?.value ?? "" },
  });
  const session = answer.cookies.find((cookie) => cookie.name === "tideway_session")?.value;
  const me = session
    ? await ctx.app.inject({ method: "GET", url: "/api/auth/me", cookies: { tideway_session: session } })
    : null;
  return { start, answer, user: me?.json().user as { id: string; email: string; name: string } | undefined };
}

/** A refused callback sends the browser to the sign-in page with the refusal's code, never a JSON body. */
function refusalCode(answer: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  expect(answer.statusCode, answer.body).toBe(302);
  const location = new URL(String(answer.headers.location), TEST_PUBLIC_URL);
  expect(location.pathname).toBe("/sign-in");
  return location.searchParams.get("error");
}

describe("single sign-on with OpenID Connect (SIGNUP=open)", { timeout: 120_000 }, () => {
  const provider = useOidcProvider(PEOPLE);
  const ctx = useTestApp({
    config: {
      publicUrl: TEST_PUBLIC_URL,
      get oidc() {
        return provider.config;
      },
    },
  });

  it("offers the provider by name and starts with state, nonce and PKCE (S256)", async () => {
    const options = await ctx.app.inject({ method: "GET", url: "/api/auth/sign-in-options" });
    expect(options.json()).toEqual({ signUp: "open", oidc: { providerName: "Test Provider" } });
    const start = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
    const location = new URL(start.headers.location as string);
    expect(location.origin).toBe(provider.config.issuer);
    expect(location.searchParams.get("redirect_uri")).toBe(`${TEST_PUBLIC_URL}/api/auth/oidc/callback`);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    for (const parameter of ["state", "nonce", "code_challenge"]) {
      expect(location.searchParams.get(parameter)?.length).toBeGreaterThan(20);
    }
    const cookie = start.cookies.find((c) => c.name === "tideway_oidc");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/auth/oidc" });
  });

  it("links a verified email to the existing account, and finds it again by subject", async () => {
    const existing = await createClient(ctx.app, "ada");
    await ctx.db.user.update({ where: { id: existing.userId }, data: { email: "ada@example.test" } });
    const first = await signInWithProvider(ctx, "ada");
    expect(first.answer.statusCode, first.answer.body).toBe(302);
    expect(first.answer.headers.location).toBe("/");
    expect(first.user).toMatchObject({ id: existing.userId, email: "ada@example.test" });
    expect(first.answer.cookies.find((c) => c.name === "tideway_oidc")?.value).toBe("");

    // The email changed at Tideway: the identity still signs in as the same account.
    await ctx.db.user.update({ where: { id: existing.userId }, data: { email: "ada.renamed@example.test" } });
    const again = await signInWithProvider(ctx, "ada");
    expect(again.user?.id).toBe(existing.userId);
  });

  it("ends the password, sessions and API tokens someone set up on the email before the provider vouched for it (pre-account hijacking)", async () => {
    // Mallory signs up with Bea's email before Bea first uses single sign-on (open sign-up, no mail).
    const password = "lantern orbit velvet";
    const signUp = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-up",
      headers: { origin: ORIGIN },
      payload: { email: "bea@example.test", password, name: "Not Bea" },
    });
    expect(signUp.statusCode, signUp.body).toBe(201);
    const session = signUp.cookies.find((cookie) => cookie.name === "tideway_session")?.value ?? "";
    const minted = await ctx.app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: { origin: ORIGIN, cookie: `tideway_session=${session}` },
      payload: { name: "kept for later" },
    });
    expect(minted.statusCode, minted.body).toBe(201);
    const token = (minted.json() as { token: string }).token;

    const bea = await signInWithProvider(ctx, "bea");
    expect(bea.user?.email).toBe("bea@example.test");

    const bySession = await ctx.app.inject({
      method: "GET",
      url: "/api/auth/me",
      cookies: { tideway_session: session },
    });
    const byToken = await ctx.app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { authorization: `Bearer ${token}` },
    });
    const byPassword = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { origin: ORIGIN },
      payload: { email: "bea@example.test", password },
    });
    expect([bySession.statusCode, byToken.statusCode, byPassword.statusCode]).toEqual([401, 401, 401]);
  });

  it("creates an account for a new person with a verified email (SIGNUP=open)", async () => {
    const { answer, user } = await signInWithProvider(ctx, "newcomer");
    expect(answer.statusCode, answer.body).toBe(302);
    expect(user).toMatchObject({ email: "newcomer@example.test", name: "New Comer", isInstanceAdmin: false });
    // No password was chosen: none signs in.
    const signIn = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in",
      headers: { origin: ORIGIN },
      payload: { email: "newcomer@example.test", password: "!single-sign-on" },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it("refuses an email the provider has not verified, even one with an account, and touches nothing", async () => {
    const victim = await createClient(ctx.app, "victim");
    await ctx.db.user.update({ where: { id: victim.userId }, data: { email: "victim@example.test" } });
    for (const login of ["mallory", "verified-as-text"]) {
      const { answer, user } = await signInWithProvider(ctx, login);
      expect(refusalCode(answer)).toBe("EMAIL_NOT_VERIFIED");
      expect(user).toBeUndefined();
    }
    expect(await ctx.db.oidcIdentity.count({ where: { userId: victim.userId } })).toBe(0);
  });

  it("refuses an answer without this browser's attempt, or with another state", async () => {
    const start = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
    const callback = await signInAtProvider(start.headers.location as string, "ada");
    const noCookie = await ctx.app.inject({ method: "GET", url: callback });
    expect(refusalCode(noCookie)).toBe("SINGLE_SIGN_ON_FAILED");

    // Another browser's attempt (a login CSRF: the attacker's code, the victim's browser).
    const other = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
    const otherAttempt = other.cookies.find((c) => c.name === "tideway_oidc")?.value ?? "";
    const crossed = await ctx.app.inject({
      method: "GET",
      url: callback,
      cookies: { tideway_oidc: otherAttempt },
    });
    expect(refusalCode(crossed)).toBe("SINGLE_SIGN_ON_FAILED");
    expect(crossed.cookies.find((c) => c.name === "tideway_session")).toBeUndefined();

    const garbage = await ctx.app.inject({ method: "GET", url: callback, cookies: { tideway_oidc: "%00{" } });
    expect(refusalCode(garbage)).toBe("SINGLE_SIGN_ON_FAILED");
  });

  it("sends the browser back to the sign-in page when the provider refused (access_denied)", async () => {
    const start = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
    const attempt = start.cookies.find((c) => c.name === "tideway_oidc")?.value ?? "";
    const state = new URL(start.headers.location as string).searchParams.get("state") ?? "";
    const refused = await ctx.app.inject({
      method: "GET",
      url: `/api/auth/oidc/callback?error=access_denied&error_description=nope&state=${state}&iss=${encodeURIComponent(provider.config.issuer)}`,
      cookies: { tideway_oidc: attempt },
    });
    expect(refusalCode(refused)).toBe("SINGLE_SIGN_ON_FAILED");
  });
});

describe("single sign-on with SIGNUP=closed", { timeout: 120_000 }, () => {
  const provider = useOidcProvider(PEOPLE);
  const ctx = useTestApp({
    config: {
      signUp: "closed",
      publicUrl: TEST_PUBLIC_URL,
      get oidc() {
        return provider.config;
      },
    },
  });

  it("refuses a new person but signs in one whose account exists", async () => {
    const existing = await createClient(ctx.app, "ada");
    await ctx.db.user.update({ where: { id: existing.userId }, data: { email: "ada@example.test" } });
    const stranger = await signInWithProvider(ctx, "stranger");
    expect(refusalCode(stranger.answer)).toBe("SIGN_UP_CLOSED");
    expect(await ctx.db.user.count({ where: { email: "stranger@example.test" } })).toBe(0);
    const known = await signInWithProvider(ctx, "ada");
    expect(known.user?.id).toBe(existing.userId);
  });
});

describe("without single sign-on configured", () => {
  const ctx = useTestApp();

  it("offers none, and its routes answer 404 with a sentence", async () => {
    const options = await ctx.app.inject({ method: "GET", url: "/api/auth/sign-in-options" });
    expect(options.json()).toEqual({ signUp: "open", oidc: null });
    const start = await ctx.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
    expect(start.statusCode).toBe(404);
    expect(start.json().message).toContain("not set up");
  });
});
