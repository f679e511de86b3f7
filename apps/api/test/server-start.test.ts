import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess } from "./helpers/server-process";

describe("starting and stopping the server on the embedded database", () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("migrates and seeds on first start, keeps data across a restart without migrating or seeding again, and stops cleanly", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-start-"));

    const first = await startServerProcess({ DATA_DIR: dataDir });
    expect(first.output()).toMatch(/migrations applied now: \d+_init/);
    expect(first.output()).toMatch(/demo board seeded: PAY \(\d+ demands\)/);
    expect(first.output()).toContain("demo sign-in: demo@tideway.local / tideway-demo");
    // The default configuration (no mail, so SIGNUP=invite) has nothing to warn about.
    expect(first.output()).not.toMatch(/warning/i);
    const health = (await (await fetch(`${first.url}/api/health`)).json()) as {
      status: string;
      migrations: string[];
    };
    expect(health).toMatchObject({ status: "ok", db: "up" });
    expect(await first.stop("SIGINT")).toBe(0);
    // The embedded PostgreSQL was shut down, not left running or killed.
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);

    // Open sign-up set without mail works, and the start says once what it gives away.
    const second = await startServerProcess({ DATA_DIR: dataDir, SIGNUP: "open" });
    expect(second.output().match(/SIGNUP=open without SMTP_URL/g)).toHaveLength(1);
    expect(second.output()).toMatch(/whether an email already has an account/);
    expect(second.output()).toContain("migrations: up to date");
    expect(second.output()).not.toContain("demo board seeded");
    // Where to sign in is printed on every start, not only the one that seeded.
    expect(second.output()).toContain(`sign in: ${second.url.replace("127.0.0.1", "localhost")}/sign-in`);
    expect(second.output()).toContain("demo sign-in: demo@tideway.local / tideway-demo");
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
    expect(await second.stop("SIGTERM")).toBe(0);
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  }, 300_000);
});
