import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config";
import { createPrisma, type Db } from "../src/db/prisma";
import { createTestDatabase, type TestDatabase } from "./database";

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
}

/**
 * Builds the app against a fresh database for the calling test file and
 * tears both down afterwards. Use the returned object inside tests.
 */
export function useTestApp(): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    context.database = await createTestDatabase();
    context.db = createPrisma(context.database.url, { poolSize: 10 });
    context.app = await buildApp({
      config: { ...loadConfig({ LOG_LEVEL: "silent" }), webDistDir: "/nonexistent", sleSweepIntervalMs: 0 },
      db: context.db,
    });
  });
  afterAll(async () => {
    await context.app?.close();
    await context.db?.$disconnect();
    await context.database?.drop();
  });
  return context;
}
