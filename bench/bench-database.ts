import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "../apps/api/src/config";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../apps/api/src/db/embedded-postgres";
import { applyMigrations, ensureDatabaseExists } from "../apps/api/src/db/migrate";
import { createPrisma, type Db } from "../apps/api/src/db/prisma";

/**
 * Runs a benchmark against a migrated database on its own embedded PostgreSQL
 * in a temporary folder (never the app's `.data/`), with the app's Prisma
 * client and a raw `pg` connection for bulk loading; removes it all afterwards.
 */
export async function withBenchDatabase<T>(
  folderPrefix: string,
  run: (db: Db, loader: pg.Client) => Promise<T>,
): Promise<T> {
  return withEmbeddedPostgres(folderPrefix, async (embedded) => {
    const url = embedded.urlFor("tideway_bench");
    await ensureDatabaseExists(url);
    await applyMigrations(url, path.join(repoRoot, "prisma/migrations"));
    const db = createPrisma(url, { poolSize: 10 });
    const loader = new pg.Client({ connectionString: url });
    await loader.connect();
    try {
      return await run(db, loader);
    } finally {
      await loader.end();
      await db.$disconnect();
    }
  });
}

/** An embedded PostgreSQL in a temporary folder for the duration of `run`, then stopped and removed. */
export async function withEmbeddedPostgres<T>(
  folderPrefix: string,
  run: (embedded: EmbeddedDatabase, dataDir: string) => Promise<T>,
): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), folderPrefix));
  const embedded = await startEmbeddedPostgres(dataDir, { persistent: false });
  try {
    return await run(embedded, dataDir);
  } finally {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
