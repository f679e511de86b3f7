import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/config";
import { readMigrations } from "../src/db/migrate";
import { createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

describe("HTTP surface", () => {
  const ctx = useTestApp();

  it("reports health with the applied migrations", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    const files = await readMigrations(path.join(repoRoot, "prisma/migrations"));
    expect(response.json()).toEqual({ status: "ok", db: "up", migrations: files.map((file) => file.name) });
  });

  it("sends security headers: a CSP, and a Referrer-Policy that keeps same-origin Referers", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    // socket.io's polling handshake is authenticated through this Referer (no Origin on a GET).
    expect(response.headers["referrer-policy"]).toBe("same-origin");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("sends the same security headers on every kind of answer, as helmet words them", async () => {
    const expected = {
      "content-security-policy":
        "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
        "frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';" +
        "script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-resource-policy": "same-origin",
      "origin-agent-cluster": "?1",
      "referrer-policy": "same-origin",
      "x-content-type-options": "nosniff",
      "x-dns-prefetch-control": "off",
      "x-download-options": "noopen",
      "x-frame-options": "SAMEORIGIN",
      "x-permitted-cross-domain-policies": "none",
      "x-xss-protection": "0",
    };
    const answers = [
      await ctx.app.inject({ method: "GET", url: "/api/health" }),
      await ctx.app.inject({ method: "GET", url: "/api/nothing-here" }),
      await ctx.app.inject({ method: "GET", url: "/api/boards" }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 404, 401]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject(expected);
      // Plain http in tests and development: no HSTS, no upgrade of requests.
      expect(answer.headers).not.toHaveProperty("strict-transport-security");
      expect(answer.headers).not.toHaveProperty("x-powered-by");
    }
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      code: "ROUTE_NOT_FOUND",
      message: "There is no GET /api/nothing-here route.",
    });
  });

  it("names the bad field in a 400", async () => {
    const client = await createClient(ctx.app);
    const response = await client.request({
      method: "POST",
      url: "/api/boards",
      payload: { name: "X", key: "1bad" },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as {
      code: string;
      message: string;
      details: { issues: { field: string }[] };
    };
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.message).toMatch(/^body\.key: /);
    expect(body.details.issues[0]?.field).toBe("body.key");
  });

  it("answers malformed JSON with a 400 saying so", async () => {
    const client = await createClient(ctx.app);
    const response = await client.request({
      method: "POST",
      url: "/api/boards",
      headers: { "content-type": "application/json" },
      payload: '{"name": "x",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "MALFORMED_JSON" });
  });

  it("answers a bad id in the path with a 400, not a database error", async () => {
    const client = await createClient(ctx.app);
    const response = await client.request({ method: "GET", url: "/api/boards/not-a-uuid" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/^params\.boardId/),
    });
  });

  it("refuses an oversized body with 413", async () => {
    const client = await createClient(ctx.app);
    const response = await client.request({
      method: "POST",
      url: "/api/boards",
      payload: { name: "x".repeat(2 * 1024 * 1024), key: "BIG" },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("serves an OpenAPI document generated from the contracts", async () => {
    const response = await ctx.app.inject({ method: "GET", url: "/api/docs" });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/boards",
        "/api/boards/{boardId}",
        "/api/demands/{id}/move",
      ]),
    );
    const move = document.paths["/api/demands/{id}/move"]?.post as {
      requestBody: { content: Record<string, { schema: { properties: object } }> };
    };
    expect(Object.keys(move.requestBody.content["application/json"]?.schema.properties ?? {})).toEqual(
      expect.arrayContaining([
        "toStageId",
        "toLaneId",
        "beforeId",
        "afterId",
        "expectedVersion",
        "idempotencyKey",
      ]),
    );
  });
});
