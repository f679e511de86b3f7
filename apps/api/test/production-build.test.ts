import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/config";
import { type EmbeddedDatabase, findFreePort, startEmbeddedPostgres } from "../src/db/embedded-postgres";
import { query } from "./database";
import { type ServerProcess, superviseServer } from "./helpers/server-process";

const METRICS_TOKEN = "production-build-test-token";
const STEP_TIMEOUT_MS = 8 * 60_000;

/**
 * The Dockerfile's steps without Docker (no engine runs here), so the recipe
 * cannot rot silently: build in one folder, copy what production runs to a
 * second one (scripts/assemble-runtime.mjs, as the Dockerfile does), install
 * production dependencies only, and start it with NODE_ENV=production against
 * a fresh PostgreSQL. One deviation: the build folder borrows this checkout's
 * node_modules instead of running its own `npm ci` (same lock file), to spare
 * the test a second full install.
 */
describe("the Dockerfile's steps: build, copy, production install, start", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it(
    "serves the SPA, is ready with every migration applied and counts a move on /metrics, with production dependencies only",
    async () => {
      const work = await mkdtemp(path.join(os.tmpdir(), "tideway-production-"));
      cleanups.push(() => rm(work, { recursive: true, force: true }));
      const buildDir = path.join(work, "build");
      const runtimeDir = path.join(work, "runtime");

      // Build stage: the sources (tracked or new, as git sees them) and the generated Prisma client.
      copySources(buildDir);
      symlinkSync(path.join(repoRoot, "node_modules"), path.join(buildDir, "node_modules"));
      run(process.execPath, ["scripts/build.mjs"], buildDir);
      run(process.execPath, ["scripts/assemble-runtime.mjs", runtimeDir], buildDir);

      // Runtime stage: production dependencies only, as in the Dockerfile.
      const install = /^RUN (npm ci --omit=dev[^\\\n]*?)\s*\\?$/m.exec(
        readFileSync(path.join(repoRoot, "Dockerfile"), "utf8"),
      );
      const installArgs = (install?.[1] ?? "npm ci --omit=dev").split(" ").slice(1);
      run("npm", installArgs, runtimeDir, { NODE_ENV: "production" });
      const installed = readdirSync(path.join(runtimeDir, "node_modules"));
      expect(installed).toEqual(expect.arrayContaining(["fastify", "prom-client", "pg"]));
      expect(installArgs).toContain("--omit=dev");
      for (const buildTool of ["vite", "tsx", "typescript", "esbuild", "prisma", "vitest", "react"]) {
        expect(installed, `${buildTool} is a build-time package`).not.toContain(buildTool);
      }
      expect(existsSync(path.join(runtimeDir, "apps/api/src"))).toBe(false);

      // A folder of its own: as root, PostgreSQL runs as another user, who cannot enter `work` (0700).
      const databaseDir = await mkdtemp(path.join(os.tmpdir(), "tideway-production-db-"));
      cleanups.push(() => rm(databaseDir, { recursive: true, force: true }));
      const database = await startEmbeddedPostgres(databaseDir, { persistent: false });
      cleanups.push(() => database.stop());
      const server = await startProduction(runtimeDir, database);
      cleanups.push(async () => {
        await server.stop();
      });
      const { url } = server;

      const ready = await fetch(`${url}/api/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready", db: "up", pendingMigrations: [] });

      const page = await fetch(`${url}/boards/some-board`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
      expect((await fetch(`${url}${script}`)).status).toBe(200);
      // A script that is not there (an old tab after an upgrade) is a 404, not the page as JavaScript.
      const gone = await fetch(`${url}/assets/index-from-an-older-build.js`);
      expect([gone.status, gone.headers.get("content-type")]).toEqual([
        404,
        "application/json; charset=utf-8",
      ]);

      // No demo data in production: the first account signs up, makes a board and moves a demand.
      const cookie = await signUp(url);
      // Production's password hashing cost, not the cheap one test runs ask for.
      const [account] = await query<{ password_hash: string }>(
        database.urlFor("tideway"),
        "SELECT password_hash FROM users",
      );
      expect(account?.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      const write = (method: string, route: string, body: unknown) =>
        fetch(`${url}${route}`, {
          method,
          headers: { "content-type": "application/json", origin: url, cookie },
          body: JSON.stringify(body),
        });
      const board = (await (
        await write("POST", "/api/boards", { name: "Launch", key: "LAUNCH", template: "empty" })
      ).json()) as { id: string; stages: { id: string; name: string }[] };
      const created = await write("POST", `/api/boards/${board.id}/demands`, { title: "First demand" });
      expect(created.status).toBe(201);
      const { demand } = (await created.json()) as { demand: { id: string; stageId: string } };
      const doing = board.stages.find((stage) => stage.name === "Doing");
      const moved = await write("POST", `/api/demands/${demand.id}/move`, { toStageId: doing?.id });
      expect(moved.status, await moved.clone().text()).toBe(200);
      // The forecast's simulation runs in a worker thread: its own bundle, beside server.js.
      const forecast = await fetch(`${url}/api/boards/${board.id}/forecast?mode=when&count=3`, {
        headers: { cookie },
      });
      expect(forecast.status, await forecast.clone().text()).toBe(200);
      expect(await forecast.json()).toMatchObject({ status: "no-history" });

      const metrics = await fetch(`${url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^tideway_moves_total 1$/m);

      // Production logs are JSON lines, each request's carrying its id.
      const requestLog = server
        .output()
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { reqId?: string; msg?: string })
        .find((entry) => entry.msg === "request completed");
      expect(requestLog?.reqId).toMatch(/^[0-9a-f-]{36}$/);

      expect(await server.stop()).toBe(0);
    },
    STEP_TIMEOUT_MS,
  );
});

function copySources(buildDir: string): void {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file !== "" && existsSync(path.join(repoRoot, file)));
  for (const file of [...files, "apps/api/src/generated"]) {
    mkdirSync(path.dirname(path.join(buildDir, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(buildDir, file), { recursive: true });
  }
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): void {
  try {
    execFileSync(command, args, { cwd, env: { ...process.env, ...env }, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${failed.stdout}\n${failed.stderr}`);
  }
}

async function startProduction(runtimeDir: string, database: EmbeddedDatabase): Promise<ServerProcess> {
  const port = await findFreePort();
  // Only what a container would get: no DATA_DIR, no development variables from this shell.
  const child = spawn(process.execPath, ["apps/api/dist/server.js"], {
    cwd: runtimeDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: database.urlFor("tideway"),
      METRICS_TOKEN,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return superviseServer(child, port, 120_000);
}

async function signUp(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: "first@example.test", password: "a long enough password", name: "First" }),
  });
  if (response.status !== 201 && response.status !== 200) {
    throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  }
  return response.headers.get("set-cookie")?.split(";")[0] ?? "";
}
