import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readCredentials } from "../apps/api/src/db/embedded-credentials";
import { embeddedConnectionString, runningPostmaster } from "../apps/api/src/db/embedded-postgres";
import { EMBEDDED_DATABASE } from "../apps/api/src/db/start-database";
import { type ServerProcess, startServerProcess } from "../apps/api/test/helpers/server-process";

export interface AppUnderTest {
  url: string;
  /** The embedded database the server started, for loading data and checking results. */
  databaseUrl: string;
  /** The embedded PostgreSQL's postmaster (its backends are its children). */
  databasePid: number;
  server: ServerProcess;
  stop(): Promise<void>;
}

/**
 * Starts the app exactly as `npm start` runs it (its own embedded PostgreSQL,
 * the demo seed, the built SPA), on a throw-away DATA_DIR: never `.data/`.
 * The embedded server's port is read from its postmaster.pid.
 */
export async function startAppUnderTest(
  port: number,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<AppUnderTest> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-bench-"));
  let server: ServerProcess;
  try {
    server = await startServerProcess({ DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env }, { port, nodeArgs });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const postmaster = await runningPostmaster(path.join(dataDir, "postgres"));
  if (!postmaster) {
    await server.stop("SIGTERM");
    await rm(dataDir, { recursive: true, force: true });
    throw new Error("the app started without its embedded PostgreSQL");
  }
  return {
    url: server.url,
    databaseUrl: embeddedConnectionString(postmaster.port, EMBEDDED_DATABASE, await readCredentials(dataDir)),
    databasePid: postmaster.pid,
    server,
    stop: async () => {
      // SIGTERM: the server stops its PostgreSQL before exiting.
      await server.stop("SIGTERM");
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
