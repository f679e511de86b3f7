// `npm run restore -- <file> [--force]`: replaces Tideway's database
// (DATABASE_URL, or the embedded one under DATA_DIR) with a backup.
import { loadConfig } from "../config";
import { resolveUserPath, runCommand } from "./command-line";
import { openTidewayDatabase } from "./open-tideway-database";
import { BackupError } from "./pg-tools";
import { checkBackupFile, restoreDatabase } from "./restore-database";

await runCommand(async () => {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((arg) => arg !== "--force");
  if (files.length !== 1 || files[0]?.startsWith("-"))
    throw new BackupError("usage: npm run restore -- <file> [--force]");
  const file = resolveUserPath(files[0] as string);
  // A wrong file is refused before any database is started or touched.
  await checkBackupFile(file);
  const database = await openTidewayDatabase(loadConfig(), { createIfMissing: true });
  try {
    await restoreDatabase(database.url, file, { force, runningServer: database.runningServer });
    console.log(`Restored ${database.description} from ${file}.`);
    console.log(
      database.runningServer
        ? "Restart Tideway now: it was running during the restore."
        : "Start Tideway as usual; a backup from an older version is migrated at start-up.",
    );
  } finally {
    await database.close();
  }
});
