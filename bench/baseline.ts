import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../apps/api/src/config";
import { superviseServer } from "../apps/api/test/helpers/server-process";

export interface BaselineApp {
  commit: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Another commit's app for same-run before/after ratios (BENCH_BASELINE,
 * issue 19): checked out once in a git worktree under the system's temporary
 * folder (installed with `npm ci` on first use, kept for later runs) and
 * started from its sources on the bench's own database, so both apps move the
 * same cards on the same PostgreSQL in turns. Its migrations are already
 * applied: the bench's app applied its own, which begin with the baseline's.
 */
export async function startBaselineApp(
  commit: string,
  databaseUrl: string,
  port: number,
): Promise<BaselineApp> {
  const sha = git(["rev-parse", "--verify", `${commit}^{commit}`]).trim();
  const dir = path.join(os.tmpdir(), `tideway-baseline-${sha.slice(0, 12)}`);
  if (!existsSync(dir)) {
    console.log(`checking out ${sha.slice(0, 12)} into ${dir}…`);
    git(["worktree", "add", "--detach", dir, sha]);
  }
  // PATH starts with this Node, so npm and the baseline's scripts run on it too.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
  };
  if (!existsSync(path.join(dir, "node_modules/.package-lock.json"))) {
    console.log(`installing the baseline's dependencies (npm ci in ${dir})…`);
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, env, stdio: "inherit" });
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-baseline-data-"));
  const { DATABASE_URL: _own, ...inherited } = env;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(dir, "apps/api/src/server.ts")], {
    cwd: dir,
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const server = await superviseServer(child, port);
  console.log(`baseline ${sha.slice(0, 12)} listening on ${server.url}`);
  return {
    commit: sha,
    url: server.url,
    pid: child.pid as number,
    stop: async () => {
      await server.stop("SIGTERM");
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function git(args: string[]): string {
  return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" });
}
