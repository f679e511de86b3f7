import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "../apps/api/src/config";
import { superviseServer } from "../apps/api/test/helpers/server-process";

export interface AppOnDatabase {
  /** The commit it runs (for this checkout: HEAD, with whatever is uncommitted). */
  commit: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Another commit's app for same-run before/after ratios (BENCH_BASELINE,
 * issue 19): checked out once in a git worktree under the system's temporary
 * folder (installed with `npm ci` on first use, kept for later runs) and
 * started from its sources (serving its own built web app, for the page
 * loads) on the bench's own database, so it moves the same cards on the same
 * PostgreSQL in turns with this checkout's app started the same way
 * (startAppOnDatabase). Both then share their broadcasts through
 * PostgreSQL, as any app given a DATABASE_URL does, so the ratio compares
 * like with like. Its migrations are already applied: the bench's app
 * applied its own, which begin with the baseline's.
 */
export async function startBaselineApp(
  commit: string,
  databaseUrl: string,
  port: number,
): Promise<AppOnDatabase> {
  const sha = git(["rev-parse", "--verify", `${commit}^{commit}`]).trim();
  const dir = path.join(os.tmpdir(), `tideway-baseline-${sha.slice(0, 12)}`);
  if (!existsSync(dir)) {
    console.log(`checking out ${sha.slice(0, 12)} into ${dir}…`);
    git(["worktree", "add", "--detach", dir, sha]);
  }
  if (!existsSync(path.join(dir, "node_modules/.package-lock.json"))) {
    console.log(`installing the baseline's dependencies (npm ci in ${dir})…`);
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: dir,
      env: withThisNode(),
      stdio: "inherit",
    });
  }
  // Its server serves its own apps/web/dist, which the checkout lacks: built the way that commit builds it.
  if (!existsSync(path.join(dir, "apps/web/dist/index.html"))) {
    console.log(`building the baseline's web app (npm run build in ${dir})…`);
    execFileSync("npm", ["run", "build"], { cwd: dir, env: withThisNode(), stdio: "inherit" });
  }
  return startAppOnDatabase(dir, sha, databaseUrl, port);
}

/** The app of the checkout in `dir`, from its sources, on an existing database (DATABASE_URL). */
export async function startAppOnDatabase(
  dir: string,
  commit: string,
  databaseUrl: string,
  port: number,
): Promise<AppOnDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-bench-app-data-"));
  const { DATABASE_URL: _own, ...inherited } = withThisNode();
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
  console.log(`${commit.slice(0, 12)} (${dir}) listening on ${server.url}`);
  return {
    commit,
    url: server.url,
    pid: child.pid as number,
    stop: async () => {
      await server.stop("SIGTERM");
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The environment with this Node first on PATH, so npm and the checkout's scripts run on it too. */
function withThisNode(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` };
}

export function git(args: string[]): string {
  return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8" });
}
