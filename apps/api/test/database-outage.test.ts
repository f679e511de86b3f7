import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { loadConfig, repoRoot } from "../src/config";
import { type EmbeddedDatabase, findFreePort, startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { applyMigrations, ensureDatabaseExists } from "../src/db/migrate";
import { createPrisma, type Db } from "../src/db/prisma";
import { type Client, createClient } from "./helpers/session";

/** The API keeps running while its database goes away, answers fast, and recovers by itself. */
describe("when PostgreSQL goes away", () => {
  let dataDir: string;
  let port: number;
  let postgres: EmbeddedDatabase;
  let db: Db;
  let app: FastifyInstance;
  let client: Client;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-outage-"));
    port = await findFreePort();
    postgres = await startEmbeddedPostgres(dataDir, { port });
    const url = postgres.urlFor("outage");
    await ensureDatabaseExists(url);
    await applyMigrations(url, path.join(repoRoot, "prisma/migrations"));
    db = createPrisma(url, { poolSize: 5 });
    app = await buildApp({
      config: { ...loadConfig({ LOG_LEVEL: "silent" }), webDistDir: "/nonexistent" },
      db,
    });
    client = await createClient(app);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.$disconnect();
    await postgres?.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });

  it("reports unhealthy, refuses writes with 503 quickly, and recovers when the database returns", async () => {
    const created = await client.request({
      method: "POST",
      url: "/api/boards",
      payload: { name: "Before", key: "BEFORE" },
    });
    expect(created.statusCode).toBe(201);

    await postgres.stop();

    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: "unhealthy", db: "down" });

    const started = Date.now();
    const write = await client.request({
      method: "POST",
      url: "/api/boards",
      payload: { name: "During", key: "DURING" },
    });
    expect(write.statusCode).toBe(503);
    expect(write.json()).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
    expect(Date.now() - started).toBeLessThan(10_000);

    postgres = await startEmbeddedPostgres(dataDir, { port });
    let recovered = false;
    for (let attempt = 0; attempt < 50 && !recovered; attempt++) {
      recovered = (await app.inject({ method: "GET", url: "/api/health" })).statusCode === 200;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(recovered).toBe(true);
    const after = await client.request({
      method: "POST",
      url: "/api/boards",
      payload: { name: "After", key: "AFTER" },
    });
    expect(after.statusCode).toBe(201);
    expect((await db.board.findMany({ orderBy: { key: "asc" } })).map((b) => b.key)).toEqual([
      "AFTER",
      "BEFORE",
    ]);
  }, 60_000);
});
