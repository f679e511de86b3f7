import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../src/config";
import { startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { applyMigrations, ensureDatabaseExists } from "../src/db/migrate";

/**
 * One PostgreSQL for the whole run: the one DATABASE_URL names, or an
 * embedded one in a temporary folder (never the demo data folder). A template
 * database is migrated once; each test file clones it (see ./database.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  let serverUrl: string;
  let stop = async () => {};
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
    await ensureDatabaseExists(serverUrl);
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-test-"));
    const embedded = await startEmbeddedPostgres(dataDir, { persistent: false });
    serverUrl = embedded.serverUrl;
    stop = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const templateName = `tideway_template_${runId}`;
  const templateUrl = withDatabase(serverUrl, templateName);
  await ensureDatabaseExists(templateUrl);
  await applyMigrations(templateUrl, path.join(repoRoot, "prisma/migrations"));

  project.provide("databaseServerUrl", serverUrl);
  project.provide("templateDatabase", templateName);
  return async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(templateName)} WITH (FORCE)`);
    await admin.end();
    await stop();
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
  }
}
