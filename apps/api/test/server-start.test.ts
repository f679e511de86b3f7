import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/config";
import { findFreePort } from "../src/db/embedded-postgres";

interface RunningServer {
  process: ChildProcess;
  output: () => string;
  url: string;
}

/** Starts the real server as `npm start` does (minus the web build), on its own data folder. */
async function startServer(dataDir: string): Promise<RunningServer> {
  const port = await findFreePort();
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "apps/api/src/server.ts")], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const started = Date.now();
  while (!output.includes("Tideway is running at")) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() - started > 60_000) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { process: child, output: () => output, url: `http://127.0.0.1:${port}` };
}

function stop(server: RunningServer, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    server.process.once("exit", (code) => resolve(code));
    server.process.kill(signal);
  });
}

describe("starting and stopping the server on the embedded database", () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("migrates and seeds on first start, keeps data across a restart without migrating or seeding again, and stops cleanly", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-start-"));

    const first = await startServer(dataDir);
    expect(first.output()).toMatch(/migrations applied now: \d+_init/);
    expect(first.output()).toMatch(/demo board seeded: PAY \(\d+ demands\)/);
    expect(first.output()).toContain("demo sign-in: demo@tideway.local / tideway-demo");
    const health = (await (await fetch(`${first.url}/api/health`)).json()) as {
      status: string;
      migrations: string[];
    };
    expect(health).toMatchObject({ status: "ok", db: "up" });
    expect(await stop(first, "SIGINT")).toBe(0);
    // The embedded PostgreSQL was shut down, not left running or killed.
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    const second = await startServer(dataDir);
    expect(second.output()).toContain("migrations: up to date");
    expect(second.output()).not.toContain("demo board seeded");
    const again = (await (await fetch(`${second.url}/api/health`)).json()) as { migrations: string[] };
    expect(again.migrations).toEqual(health.migrations);
    const signIn = await fetch(`${second.url}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: second.url },
      body: JSON.stringify({ email: "demo@tideway.local", password: "tideway-demo" }),
    });
    const cookie = signIn.headers.get("set-cookie")?.split(";")[0] ?? "";
    const boards = (await (await fetch(`${second.url}/api/boards`, { headers: { cookie } })).json()) as {
      boards: { key: string }[];
    };
    expect(boards.boards.map((board) => board.key)).toEqual(["PAY"]);
    expect(await stop(second, "SIGTERM")).toBe(0);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  }, 120_000);
});
