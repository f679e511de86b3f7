// `npm run backup [-- <file>]`: dumps Tideway's database (DATABASE_URL, or the
// embedded one under DATA_DIR) to a file, by default backups/tideway-<time>.dump.
import path from "node:path";
import { loadConfig, repoRoot } from "../config";
import { backupDatabase, defaultBackupFile } from "./backup-database";
import { resolveUserPath, runCommand } from "./command-line";
import { openTidewayDatabase } from "./open-tideway-database";
import { BackupError } from "./pg-tools";

await runCommand(async () => {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0]?.startsWith("-")) throw new BackupError("usage: npm run backup [-- <file>]");
  const file = args[0] ? resolveUserPath(args[0]) : defaultBackupFile(path.join(repoRoot, "backups"));
  const database = await openTidewayDatabase(loadConfig(), { createIfMissing: false });
  try {
    const { bytes } = await backupDatabase(database.url, file);
    console.log(`Backed up ${database.description} to ${file} (${(bytes / 1024).toFixed(0)} KiB).`);
    console.log(`Restore it with: npm run restore -- ${file}`);
  } finally {
    await database.close();
  }
});
