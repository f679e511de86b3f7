import type { Config } from "../config";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations, ensureDatabaseExists } from "./migrate";

export interface RunningDatabase {
  url: string;
  description: string;
  migrationsApplied: string[];
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = "tideway";

/**
 * Uses DATABASE_URL when set, otherwise an embedded PostgreSQL under DATA_DIR,
 * and brings its schema up to date before anything else touches it.
 */
export async function startDatabase(config: Config): Promise<RunningDatabase> {
  if (config.databaseUrl) {
    await ensureDatabaseExists(config.databaseUrl);
    const report = await applyMigrations(config.databaseUrl, config.migrationsDir);
    return {
      url: config.databaseUrl,
      description: `PostgreSQL at ${redactPassword(config.databaseUrl)}`,
      migrationsApplied: report.applied,
      stop: async () => {},
    };
  }
  const embedded = await startEmbeddedPostgres(config.dataDir);
  try {
    const url = await embedded.appDatabase(EMBEDDED_DATABASE);
    const report = await applyMigrations(url, config.migrationsDir);
    return {
      url,
      description: `embedded PostgreSQL, data in ${config.dataDir}`,
      migrationsApplied: report.applied,
      stop: () => embedded.stop(),
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

export function redactPassword(connectionString: string): string {
  const url = new URL(connectionString);
  if (url.password) url.password = "***";
  return url.toString();
}
