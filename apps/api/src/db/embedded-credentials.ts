import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The embedded PostgreSQL's passwords, generated on first start and kept in
 * DATA_DIR, readable by this user only (mode 0600): whoever can read the file
 * can already read the database's own files next to it.
 */
export interface EmbeddedCredentials {
  /** Of the cluster's superuser (`tideway`): creates databases and roles, runs backups and restores. */
  superuserPassword: string;
  /** Of the role the app connects as (`tideway_app`): owns Tideway's database, nothing more. */
  appPassword: string;
  /**
   * Set while the superuser may still have the fixed password of data folders
   * made before passwords were generated; cleared once it was changed.
   */
  superuserPasswordUnchanged?: boolean;
}

export const CREDENTIALS_FILE = "postgres-credentials.json";
/** The superuser password of every data folder made before this file existed. */
export const LEGACY_SUPERUSER_PASSWORD = "tideway";

const newPassword = () => randomBytes(24).toString("base64url");

/**
 * The data folder's credentials, created when missing. `clusterExists` says
 * whether the folder already holds a PostgreSQL made with the old fixed
 * password, which must then be changed once the server is up.
 */
export async function loadCredentials(dataDir: string, clusterExists: boolean): Promise<EmbeddedCredentials> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  if (existsSync(file)) {
    // A copied or restored folder may have lost the file's mode.
    await chmod(file, 0o600);
    return JSON.parse(await readFile(file, "utf8")) as EmbeddedCredentials;
  }
  const credentials: EmbeddedCredentials = {
    superuserPassword: newPassword(),
    appPassword: newPassword(),
    ...(clusterExists ? { superuserPasswordUnchanged: true } : {}),
  };
  await saveCredentials(dataDir, credentials);
  return credentials;
}

/** Written whole and renamed into place, so a crash never leaves half a file (and no password lost). */
export async function saveCredentials(dataDir: string, credentials: EmbeddedCredentials): Promise<void> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  const pending = `${file}.${process.pid}.tmp`;
  await writeFile(pending, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await rename(pending, file);
}

/**
 * The credentials that work now on a data folder whose server is already
 * running (backups, benchmarks): a server started by an older version, or one
 * still to finish the change, has the old fixed superuser password.
 */
export async function readCredentials(dataDir: string): Promise<EmbeddedCredentials> {
  const file = path.join(dataDir, CREDENTIALS_FILE);
  const saved = existsSync(file)
    ? (JSON.parse(await readFile(file, "utf8")) as EmbeddedCredentials)
    : { superuserPassword: LEGACY_SUPERUSER_PASSWORD, appPassword: "", superuserPasswordUnchanged: true };
  return saved.superuserPasswordUnchanged
    ? { ...saved, superuserPassword: LEGACY_SUPERUSER_PASSWORD }
    : saved;
}
