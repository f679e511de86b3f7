import { open } from "node:fs/promises";
import pg from "pg";
import { BackupError, runPgTool } from "./pg-tools";

export interface RestoreOptions {
  /** Restore even while other sessions (a running Tideway) use the database; they are disconnected. */
  force: boolean;
  /** Set when Tideway's own embedded server is running on the data folder. */
  runningServer: string | null;
}

/**
 * Replaces the database with the contents of a backup, all or nothing: the
 * dump is restored into a new database next to it, and only when that
 * succeeded is the old one dropped and the new one renamed into its place.
 * A failed restore leaves the current data untouched.
 */
export async function restoreDatabase(url: string, file: string, options: RestoreOptions): Promise<void> {
  await checkBackupFile(file);
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new pg.Client({ connectionString: maintenanceUrl(url) });
  await admin.connect();
  try {
    if (!options.force) await refuseWhileInUse(admin, name, options.runningServer);
    const staging = `${name}_restoring`;
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(staging)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(staging)} TEMPLATE template0`);
    try {
      target.pathname = `/${encodeURIComponent(staging)}`;
      // No owners or grants from the dump: the restoring user owns everything,
      // so a backup moves between installations with different users.
      await runPgTool(
        "pg_restore",
        ["--no-owner", "--no-privileges", "--exit-on-error", file],
        target.toString(),
      );
      if (!options.force) await refuseWhileInUse(admin, name, options.runningServer);
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.query(
        `ALTER DATABASE ${pg.escapeIdentifier(staging)} RENAME TO ${pg.escapeIdentifier(name)}`,
      );
    } catch (error) {
      await admin
        .query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(staging)} WITH (FORCE)`)
        .catch(() => {});
      throw error;
    }
  } finally {
    await admin.end();
  }
}

// Every custom-format archive starts with these bytes (pg_backup_archiver.c).
const CUSTOM_FORMAT_MAGIC = "PGDMP";

/** Refuses a missing file, another format, or a dump of something other than Tideway, before touching the database. */
export async function checkBackupFile(file: string): Promise<void> {
  const handle = await open(file, "r").catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      error.code === "ENOENT" ? `${file} does not exist.` : `${file} cannot be read: ${error.message}`,
    );
  });
  const head = Buffer.alloc(CUSTOM_FORMAT_MAGIC.length);
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.toString("latin1") !== CUSTOM_FORMAT_MAGIC) {
    throw new BackupError(
      `${file} is not a PostgreSQL custom-format dump (the kind \`npm run backup\` and \`pg_dump -Fc\` write). ` +
        "A plain SQL dump is restored with psql instead.",
    );
  }
  const contents = await runPgTool("pg_restore", ["--list", file]).catch((error: Error) => {
    throw new BackupError(`${file} is damaged or unreadable: ${error.message}`);
  });
  if (!/TABLE public _prisma_migrations /.test(contents.stdout)) {
    throw new BackupError(
      `${file} is a PostgreSQL dump, but not of a Tideway database (it has no migrations table).`,
    );
  }
}

async function refuseWhileInUse(
  admin: pg.Client,
  database: string,
  runningServer: string | null,
): Promise<void> {
  const { rows } = await admin.query<{ application_name: string; count: string }>(
    `SELECT application_name, count(*) FROM pg_stat_activity
      WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY application_name`,
    [database],
  );
  const sessions = rows.reduce((sum, row) => sum + Number(row.count), 0);
  if (!runningServer && sessions === 0) return;
  const who = runningServer ?? `${sessions} session(s) are connected to the database "${database}"`;
  throw new BackupError(
    `${who}. Stop Tideway first (Ctrl-C, or SIGTERM to its process), then run the restore again. ` +
      "Or pass --force to restore under it: its connections are cut, and it must be restarted afterwards.",
  );
}

/** The same server's `postgres` database, from which databases can be created, dropped and renamed. */
function maintenanceUrl(url: string): string {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  return maintenance.toString();
}
