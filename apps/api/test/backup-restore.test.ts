import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TBoard, TDemand, TMoveResult, TTransition } from "@tideway/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../src/config";
import { createEmptyDatabase, query } from "./database";
import { createBoard, laneNamed, stageNamed } from "./helpers/board";
import { addDemand } from "./helpers/demands";
import { boardOf, transitionsOf } from "./helpers/kill-round";
import { type ServerProcess, signInOver, startServerProcess } from "./helpers/server-process";
import { createClient } from "./helpers/session";
import { useTestApp } from "./test-app";

interface ScriptRun {
  code: number | null;
  output: string;
}

const packageScripts = (
  JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }
).scripts;

/**
 * Runs what `npm run backup|restore -- ...args` runs, as a self-hoster would, without
 * npm's own start-up (seconds on a busy machine, eight times in this file): the
 * script must be `tsx <file>`, and node runs that file with tsx's loader.
 */
function runScript(
  script: "backup" | "restore",
  args: string[],
  env: Record<string, string>,
): Promise<ScriptRun> {
  const [runner, file, ...rest] = (packageScripts[script] ?? "").split(" ");
  if (runner !== "tsx" || file === undefined || rest.length > 0) {
    throw new Error(`package.json's ${script} script is not "tsx <file>": ${packageScripts[script]}`);
  }
  const { DATABASE_URL: _inherited, ...base } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
    cwd: repoRoot,
    env: { ...base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

const DEMO = { email: "demo@tideway.local", password: "tideway-demo" };

async function post(server: ServerProcess, cookie: string, url: string, body: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method: "POST",
    headers: { cookie, origin: server.url, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Moves a demand to another lane without a hard WIP limit in the same stage: no rule can refuse it. */
async function moveToOtherLane(
  server: ServerProcess,
  cookie: string,
  board: TBoard,
  demand: TDemand | undefined,
) {
  const otherLane = board.lanes.find(
    (lane) => lane.id !== demand?.laneId && (lane.wipLimit === null || lane.wipPolicy === "soft"),
  );
  return (await post(server, cookie, `/api/demands/${demand?.id}/move`, {
    toStageId: demand?.stageId,
    toLaneId: otherLane?.id,
  })) as TMoveResult;
}

/** What a user sees of the demo board: every demand where it is, and the whole transition log. */
async function boardState(server: ServerProcess): Promise<{ board: TBoard; log: TTransition[] }> {
  const cookie = await signInOver(server.url, DEMO.email, DEMO.password);
  const board = await boardOf(server.url, cookie);
  return { board, log: await transitionsOf(server.url, cookie, board.id) };
}

describe("npm run backup / npm run restore with the embedded database", () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("brings back every demand and transition exactly, and refuses while Tideway runs", async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-backup-"));
    const env = { DATA_DIR: dataDir };
    const file = path.join(dataDir, "before.dump");
    server = await startServerProcess(env);
    const before = await boardState(server);
    expect(before.log.length).toBeGreaterThan(0);

    // A backup of a running Tideway: pg_dump reads one consistent snapshot.
    const backup = await runScript("backup", [file], env);
    expect(backup.output).toContain("Backed up");
    expect(backup.code).toBe(0);

    const cookie = await signInOver(server.url, DEMO.email, DEMO.password);
    const moved = before.board.demands.slice(0, 2);
    for (const demand of moved) await moveToOtherLane(server, cookie, before.board, demand);
    await post(server, cookie, `/api/boards/${before.board.id}/demands`, { title: "Made after the backup" });
    const changed = await boardState(server);
    expect(changed.log.length).toBe(before.log.length + 3);

    const refused = await runScript("restore", [file], env);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/is running on .*Stop Tideway first.*--force/s);
    expect((await boardState(server)).log).toEqual(changed.log);

    await server.stop();
    server = undefined;
    const restore = await runScript("restore", [file], env);
    expect(restore.output).toContain("Restored");
    expect(restore.code).toBe(0);
    // With Tideway stopped, backup starts the embedded database itself, and stops it.
    const again = await runScript("backup", [path.join(dataDir, "again.dump")], env);
    expect(again.code).toBe(0);

    server = await startServerProcess(env);
    const after = await boardState(server);
    expect(after.board.demands).toEqual(before.board.demands);
    expect(after.log).toEqual(before.log);
    // The restored sequences go on from the restored log.
    const cookieAfter = await signInOver(server.url, DEMO.email, DEMO.password);
    const next = await moveToOtherLane(server, cookieAfter, before.board, moved[0]);
    expect(BigInt(next.transitionId)).toBeGreaterThan(BigInt(before.log.at(-1)?.id ?? 0));
  }, 180_000);
});

describe("npm run backup / npm run restore with DATABASE_URL", () => {
  const context = useTestApp();
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), "tideway-backup-url-"));
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function rows(url: string) {
    const demands = await query(url, "SELECT * FROM demands ORDER BY id");
    const transitions = await query(url, "SELECT * FROM transitions ORDER BY id");
    return { demands, transitions };
  }

  it("restores deleted and changed rows exactly; with sessions open only under --force", async () => {
    const url = context.database.url;
    const client = await createClient(context.app);
    const board = await createBoard(client);
    const created: string[] = [];
    for (const title of ["First", "Second", "Third"]) {
      created.push((await addDemand(client, board, { title })).id);
    }
    const selection = stageNamed(board, "Selection");
    const moveToDefects = async (demandId: string) => {
      const response = await client.request({
        method: "POST",
        url: `/api/demands/${demandId}/move`,
        payload: { toStageId: selection.id, toLaneId: laneNamed(board, "Defects").id },
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    await moveToDefects(created[0] as string);
    const before = await rows(url);
    expect(before.transitions.length).toBe(4);

    const file = path.join(folder, "tideway.dump");
    expect((await runScript("backup", [file], { DATABASE_URL: url })).code).toBe(0);

    await context.db.demand.delete({ where: { id: created[1] } });
    await moveToDefects(created[2] as string);
    expect(await rows(url)).not.toEqual(before);

    // The test's own app holds pooled connections to the database.
    const refused = await runScript("restore", [file], { DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/session\(s\) are connected.*--force/s);

    const forced = await runScript("restore", [file, "--force"], { DATABASE_URL: url });
    expect(forced.output).toContain("Restored");
    expect(forced.code).toBe(0);
    expect(await rows(url)).toEqual(before);
  }, 60_000);

  it("refuses a missing file, another format and a foreign dump with a clear message, touching nothing", async () => {
    const env = { DATABASE_URL: context.database.url };
    const missing = await runScript("restore", [path.join(folder, "nope.dump")], env);
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/nope\.dump does not exist/);

    const text = path.join(folder, "backup.sql");
    await writeFile(text, "CREATE TABLE x (id int);\n");
    const wrongFormat = await runScript("restore", [text], env);
    expect(wrongFormat.code).toBe(1);
    expect(wrongFormat.output).toMatch(/not a PostgreSQL custom-format dump/);

    const truncated = path.join(folder, "truncated.dump");
    await writeFile(truncated, "PGDMP\u0001\u000e");
    const damaged = await runScript("restore", [truncated], env);
    expect(damaged.code).toBe(1);
    expect(damaged.output).toMatch(/damaged or unreadable/);

    // A real custom-format dump, of a database that is not Tideway's.
    const before = await rows(context.database.url);
    const other = await createEmptyDatabase();
    try {
      await query(other.url, "CREATE TABLE invoices (id int PRIMARY KEY); INSERT INTO invoices VALUES (1)");
      const foreignFile = path.join(folder, "foreign.dump");
      const dumped = await runScript("backup", [foreignFile], { DATABASE_URL: other.url });
      expect(dumped.code).toBe(0);
      const foreign = await runScript("restore", [foreignFile], env);
      expect(foreign.code).toBe(1);
      expect(foreign.output).toMatch(/foreign\.dump is a PostgreSQL dump, but not of a Tideway database/);
    } finally {
      await other.drop();
    }
    expect(await rows(context.database.url)).toEqual(before);

    expect(existsSync(path.join(folder, "nope.dump"))).toBe(false);
  }, 60_000);
});
