import { existsSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import { readCredentials } from "../db/embedded-credentials";
import { embeddedConnectionString, runningPostmaster, startEmbeddedPostgres } from "../db/embedded-postgres";
import { EMBEDDED_DATABASE, redactPassword } from "../db/start-database";
import { BackupError } from "./pg-tools";

export interface TidewayDatabase {
  /** Connection string of Tideway's database. */
  url: string;
  /** What a person reads in messages; never contains a password. */
  description: string;
  /**
   * Why Tideway itself is (probably) using this database right now, or null.
   * For the embedded database: its PostgreSQL server is up, and only Tideway
   * starts it. For DATABASE_URL, restore-database.ts looks at the sessions.
   */
  runningServer: string | null;
  /** Stops what this module started (the embedded server), nothing else. */
  close(): Promise<void>;
}

/**
 * Finds the database Tideway uses with this configuration: DATABASE_URL, or
 * the embedded PostgreSQL under DATA_DIR (as its superuser, whose password is
 * in DATA_DIR; the app's role takes over what a restore made at its next start). When Tideway is running, its
 * embedded server is reused (its port is in `postmaster.pid`); otherwise it
 * is started here and stopped by `close()`.
 */
export async function openTidewayDatabase(
  config: Config,
  options: { createIfMissing: boolean },
): Promise<TidewayDatabase> {
  if (config.databaseUrl) {
    return {
      url: config.databaseUrl,
      description: `PostgreSQL at ${redactPassword(config.databaseUrl)}`,
      runningServer: null,
      close: async () => {},
    };
  }
  const databaseDir = path.join(config.dataDir, "postgres");
  const description = `the embedded PostgreSQL in ${config.dataDir}`;
  if (!existsSync(path.join(databaseDir, "PG_VERSION")) && !options.createIfMissing) {
    throw new BackupError(
      `There is no Tideway database in ${config.dataDir}: start Tideway once, or set DATA_DIR ` +
        "(or DATABASE_URL) to the installation you mean.",
    );
  }
  const running = await runningPostmaster(databaseDir);
  if (running) {
    return {
      url: embeddedConnectionString(running.port, EMBEDDED_DATABASE, await readCredentials(config.dataDir)),
      description,
      runningServer: `Tideway's PostgreSQL (pid ${running.pid}, port ${running.port}) is running on ${config.dataDir}`,
      close: async () => {},
    };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir);
  return {
    url: embedded.urlFor(EMBEDDED_DATABASE),
    description,
    runningServer: null,
    close: () => embedded.stop(),
  };
}
