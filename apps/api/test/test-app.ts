import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "../src/app";
import { type Config, loadConfig } from "../src/config";
import type { PoolQueueLimits } from "../src/db/guarded-pool";
import { createPrisma, type Db } from "../src/db/prisma";
import { createTestDatabase, type TestDatabase } from "./database";

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
}

/**
 * The app's configuration in tests: quiet, no web build, no background SLE
 * sweep unless asked, and SIGNUP=open set explicitly: many tests sign people
 * up through the API, which the default without mail (invite) refuses after
 * the first account (auth.test.ts tests that default).
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ LOG_LEVEL: "silent" }),
    webDistDir: "/nonexistent",
    sleSweepIntervalMs: 0,
    signUp: "open",
    ...overrides,
  };
}

/**
 * Builds the app against a fresh database for the calling test file and
 * tears both down afterwards. Use the returned object inside tests.
 */
export function useTestApp(
  options: {
    poolSize?: number;
    /** How long and behind how many a request may wait for a busy pool's connection (db/guarded-pool.ts). */
    queueLimits?: Partial<PoolQueueLimits>;
    config?: Partial<Config>;
    /** What the app queries through, built on the test's client (for example to hold a query's answer back). */
    appDb?: (db: Db) => Db;
  } = {},
): TestContext {
  const context = {} as TestContext;
  beforeAll(async () => {
    context.database = await createTestDatabase();
    context.db = createPrisma(context.database.url, {
      poolSize: options.poolSize ?? 10,
      ...(options.queueLimits ? { queueLimits: options.queueLimits } : {}),
    });
    context.app = await buildApp({
      config: testConfig(options.config),
      db: options.appDb?.(context.db) ?? context.db,
    });
  });
  afterAll(async () => {
    await context.app?.close();
    await context.db?.$disconnect();
    await context.database?.drop();
  });
  return context;
}
