import type { Config } from "../config";
import { planEmbeddedPostgres, type StartEvents } from "./embedded-postgres";
import { applyMigrations, ensureDatabaseExists } from "./migrate";

export interface RunningDatabase {
  url: string;
  description: string;
  migrationsApplied: string[];
  stop(): Promise<void>;
}

export const EMBEDDED_DATABASE = "tideway";

/** The database the server will use: its connection string is known before it is started. */
export interface PlannedDatabase {
  url: string;
  /** Starts it (when embedded) and brings its schema up to date. */
  start(events?: StartEvents): Promise<RunningDatabase>;
}

/**
 * Uses DATABASE_URL when set, otherwise an embedded PostgreSQL under DATA_DIR,
 * and brings its schema up to date before anything else touches it.
 */
export async function startDatabase(config: Config): Promise<RunningDatabase> {
  return (await planDatabase(config)).start();
}

export async function planDatabase(config: Config): Promise<PlannedDatabase> {
  const { databaseUrl } = config;
  if (databaseUrl) {
    return {
      url: databaseUrl,
      start: async ({ onLaunched }: StartEvents = {}) => {
        onLaunched?.();
        await ensureDatabaseExists(databaseUrl);
        const report = await applyMigrations(databaseUrl, config.migrationsDir);
        return {
          url: databaseUrl,
          description: `PostgreSQL at ${redactPassword(databaseUrl)}`,
          migrationsApplied: report.applied,
          stop: async () => {},
        };
      },
    };
  }
  const plan = await planEmbeddedPostgres(config.dataDir);
  return {
    url: plan.appUrl(EMBEDDED_DATABASE),
    start: async (events: StartEvents = {}) => {
      const embedded = await plan.start(events);
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
    },
  };
}

export function redactPassword(connectionString: string): string {
  const url = new URL(connectionString);
  if (url.password) url.password = "***";
  return url.toString();
}
