import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { buildApp } from "../src/app";
import {
  FAST_PASSWORD_HASHING_VARIABLE,
  HASH_CONCURRENCY,
  HASH_QUEUE_LIMIT,
  hashPassword,
} from "../src/auth/password";
import { loadConfig } from "../src/config";
import { createBoard } from "./helpers/board";
import { createClient, ORIGIN } from "./helpers/session";
import { testConfig, useTestApp } from "./test-app";

const PASSWORD = "correct horse battery staple";
// Tests that run real scrypt hashes (a few seconds each on a loaded 2-core machine).
const HASHING_TIMEOUT_MS = 120_000;

/** Statuses of `count` requests sent one after another, each built by `attempt(index)`. */
async function statusesOf(app: FastifyInstance, count: number, attempt: (index: number) => InjectOptions) {
  const statuses: number[] = [];
  for (let index = 0; index < count; index++) statuses.push((await app.inject(attempt(index))).statusCode);
  return statuses;
}

const signIn = (email: string, extra: Partial<InjectOptions> = {}): InjectOptions => ({
  method: "POST",
  url: "/api/auth/sign-in",
  ...extra,
  headers: { origin: ORIGIN, ...(extra.headers ?? {}) },
  payload: { email, password: "a wrong password" },
});

/**
 * A sign-in the per-address limit counts (it runs before the body is read)
 * but that is refused with 400 before any password hashing, so a test can
 * send many without waiting for scrypt.
 */
const unhashedSignIn = (extra: Partial<InjectOptions>): InjectOptions => ({
  ...signIn("anyone@example.test", extra),
  payload: { email: "anyone@example.test", password: "" },
});

describe("sign-in limits and forwarded headers", () => {
  const ctx = useTestApp();
  let behindProxy: FastifyInstance;

  beforeAll(async () => {
    behindProxy = await buildApp({ config: testConfig({ trustedProxies: ["10.0.0.1"] }), db: ctx.db });
  });
  afterAll(async () => {
    await behindProxy?.close();
  });

  it("[F2] counts sign-ins against the connecting address, whatever X-Forwarded-For says", async () => {
    const statuses = await statusesOf(ctx.app, 12, (index) =>
      unhashedSignIn({ remoteAddress: "10.20.0.1", headers: { "x-forwarded-for": `198.51.100.${index}` } }),
    );
    expect(statuses).toEqual([...Array(10).fill(400), 429, 429]);
  });

  it("[F2] believes X-Forwarded-For only from a proxy TRUST_PROXY names", async () => {
    const viaProxy = await statusesOf(behindProxy, 12, (index) =>
      unhashedSignIn({ remoteAddress: "10.0.0.1", headers: { "x-forwarded-for": `198.51.100.${index}` } }),
    );
    expect(viaProxy).toEqual(Array(12).fill(400));
    const direct = await statusesOf(behindProxy, 12, (index) =>
      unhashedSignIn({ remoteAddress: "10.0.0.2", headers: { "x-forwarded-for": `198.51.100.${index}` } }),
    );
    expect(direct).toEqual([...Array(10).fill(400), 429, 429]);
  });

  it("[F2] lets no X-Forwarded-Host pass the CSRF check", async () => {
    const client = await createClient(ctx.app, "csrf");
    const forged = await client.request({
      method: "POST",
      url: "/api/boards",
      headers: { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
      payload: { name: "Planted", key: "PLANT" },
    });
    expect(forged.statusCode, forged.body).toBe(403);
    expect(forged.json()).toMatchObject({ code: "CROSS_SITE_REQUEST" });
    // The same request from this site's own page goes through.
    await expect(createBoard(client, "Genuine")).resolves.toMatchObject({ name: "Genuine" });
  });

  it(
    "[F2] limits sign-ins per account, from however many addresses",
    async () => {
      // All at once: the account's limit is counted before any hashing, so exactly two are refused
      // for the account (the others are checked, or refused for a full hash queue).
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          ctx.app.inject(signIn("target@example.test", { remoteAddress: `10.30.0.${index + 1}` })),
        ),
      );
      const refused = responses.filter((response) => response.statusCode === 429);
      expect(refused).toHaveLength(2);
      expect(responses.every((response) => [401, 429, 503].includes(response.statusCode))).toBe(true);
      expect(refused[0]?.json()).toMatchObject({
        code: "RATE_LIMITED",
        message: expect.stringMatching(/^Too many sign-in attempts for this account; try again in/),
      });
    },
    HASHING_TIMEOUT_MS,
  );

  it(
    "[F2] refuses a flood from many addresses beyond a bounded hash queue, then signs a real user in",
    async () => {
      // The queue fills only while each hash takes production's time, not the test runs' cheap one.
      vi.stubEnv(FAST_PASSWORD_HASHING_VARIABLE, undefined);
      onTestFinished(() => {
        vi.unstubAllEnvs();
      });
      await ctx.db.user.create({
        data: { email: "real@example.test", name: "Real", passwordHash: await hashPassword(PASSWORD) },
      });
      const flood = 30;
      const responses = await Promise.all(
        Array.from({ length: flood }, (_, index) =>
          ctx.app.inject(signIn(`flood-${index}@example.test`, { remoteAddress: `10.40.0.${index + 1}` })),
        ),
      );
      const statuses = responses.map((response) => response.statusCode);
      expect(new Set(statuses)).toEqual(new Set([401, 503]));
      // Refused before hashing: the flood cost at most what the queue holds, plus what finished meanwhile.
      expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(
        HASH_CONCURRENCY + HASH_QUEUE_LIMIT,
      );
      expect(responses.find((response) => response.statusCode === 503)?.json()).toMatchObject({
        code: "SIGN_IN_BUSY",
      });
      const real = await ctx.app.inject({
        method: "POST",
        url: "/api/auth/sign-in",
        headers: { origin: ORIGIN },
        remoteAddress: "10.50.0.1",
        payload: { email: "real@example.test", password: PASSWORD },
      });
      expect(real.statusCode, real.body).toBe(200);
    },
    HASHING_TIMEOUT_MS,
  );

  it("[F2] refuses a TRUST_PROXY it cannot read at boot, and trusts no proxy by default", () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: " 10.0.0.0/8, loopback ," }).trustedProxies).toEqual([
      "10.0.0.0/8",
      "loopback",
    ]);
    expect(() => loadConfig({ TRUST_PROXY: "10.0.0.0/99" })).toThrow(/TRUST_PROXY="[^"]*": must list/);
    expect(() => loadConfig({ TRUST_PROXY: "proxy.internal" })).toThrow(/TRUST_PROXY="[^"]*": must list/);
  });
});
