import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { runPgTool } from "./pg-tools";

/** `backups/tideway-2026-03-02T10-50-00Z.dump`: sortable, and legal in every file system. */
export function defaultBackupFile(backupsDir: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replaceAll(":", "-");
  return path.join(backupsDir, `tideway-${stamp}.dump`);
}

/**
 * Writes the whole database in PostgreSQL's custom dump format (`pg_dump -Fc`:
 * compressed, restorable with pg_restore). pg_dump reads one consistent
 * snapshot, so a backup of a running Tideway is safe. The dump goes to a
 * temporary name first, so an interrupted backup never leaves a file that
 * looks complete.
 */
export async function backupDatabase(url: string, file: string): Promise<{ file: string; bytes: number }> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    await runPgTool("pg_dump", ["--format=custom", `--file=${partial}`], url);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { file, bytes: (await stat(file)).size };
}
