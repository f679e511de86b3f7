import path from "node:path";
import { BackupError } from "./pg-tools";

/** Paths on the command line are relative to where the user typed `npm run`, not to the repository root npm runs in. */
export function resolveUserPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

/** Runs a command-line operation: a BackupError prints its message alone, anything else its stack. */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof BackupError ? `error: ${error.message}` : error);
    // Not process.exitCode: tsx's wrapper process does not pass it on.
    process.exit(1);
  }
}
