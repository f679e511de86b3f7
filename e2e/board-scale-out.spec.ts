import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, type request } from "@playwright/test";
import type { TBoard } from "@tideway/contracts";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../apps/api/src/db/embedded-postgres";
import { ensureDatabaseExists } from "../apps/api/src/db/migrate";
import { type ServerProcess, startServerProcess } from "../apps/api/test/helpers/server-process";
import { BoardApi, DEMO_USER, stageNamed } from "./helpers/board-api";
import { cell } from "./helpers/board-test";
import { test } from "./helpers/clock-test";
import { startSwitchingProxy } from "./helpers/switching-proxy";

/**
 * Scale-out (issue 9): two API processes on one PostgreSQL behave as one.
 * Each test file's own database server, two real server processes on it
 * (broadcasts through @socket.io/postgres-adapter), and Chromium.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

let dataDir: string;
let database: EmbeddedDatabase;
let a: ServerProcess;
let b: ServerProcess;

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-scale-out-"));
  database = await startEmbeddedPostgres(dataDir, { persistent: false });
  const url = database.urlFor("tideway_scale_out");
  await ensureDatabaseExists(url);
  // Both at once, as behind a balancer: the migration lock lets one migrate and one seed the demo.
  [a, b] = await Promise.all([
    startServerProcess({ DATABASE_URL: url }),
    startServerProcess({ DATABASE_URL: url }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const portOf = (server: ServerProcess) => Number(new URL(server.url).port);

/** Signs a request context (a browser's, or the API's) in as the demo user at an absolute address. */
async function signInAt(request: APIRequestContext, url: string): Promise<void> {
  const response = await request.post(`${url}/api/auth/sign-in`, {
    data: DEMO_USER,
    headers: { origin: url },
  });
  if (!response.ok()) throw new Error(`sign-in at ${url} failed: ${response.status()}`);
}

/** The API of process A, signed in as the demo user, with a fresh board and one demand in Development. */
async function boardOnA(playwright: { request: { newContext: typeof request.newContext } }) {
  const context = await playwright.request.newContext({ baseURL: a.url });
  await signInAt(context, a.url);
  const api = new BoardApi(context, a.url);
  const board: TBoard = await api.createBoard("Scale-out");
  const demand = await api.placeDemand(board, "Moved through process A", {
    stage: "Development",
    checkAll: true,
  });
  return { api, board, demand, dispose: () => context.dispose() };
}

test("[SCALE][LIVE]: a move made through process A reaches a browser connected to process B", async ({
  page,
  playwright,
}) => {
  const { api, board, demand, dispose } = await boardOnA(playwright);
  await signInAt(page.context().request, b.url);
  await page.goto(`${b.url}/boards/${board.id}`);
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible({ timeout: 15_000 });
  await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();

  await api.move(demand.id, stageNamed(board, "Testing").id);
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
  await expect(cell(page, "Development").getByText(demand.key)).toHaveCount(0);
  await dispose();
});

test("[SCALE][LIVE]: a browser that loses process A reconnects to process B and catches up from its last seq", async ({
  page,
  playwright,
}) => {
  const { api, board, demand, dispose } = await boardOnA(playwright);
  const balancer = await startSwitchingProxy(portOf(a));
  try {
    await signInAt(page.context().request, balancer.url);
    await page.goto(`${balancer.url}/boards/${board.id}`);
    await expect(page.locator('.live-status[data-live="live"]')).toBeVisible({ timeout: 15_000 });
    // The room can be joined before the board's first fetch has answered; cutting A off then
    // would fail that fetch, which is not what this test is about.
    await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();

    // Process A drops out of the balancer: the browser loses its connection and misses what follows.
    balancer.route(null);
    await expect(page.locator('.live-status[data-live="live"]')).toHaveCount(0, { timeout: 15_000 });
    await api.move(demand.id, stageNamed(board, "Testing").id);
    const added = await api.createDemand(board.id, "Added while the browser was away");
    await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();

    // The balancer now sends everyone to B; the browser rejoins there and resyncs.
    balancer.route(portOf(b));
    await expect(page.locator('.live-status[data-live="live"]')).toBeVisible({ timeout: 30_000 });
    await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
    await expect(cell(page, "Selection").getByText(added.key)).toBeVisible();

    // And it is live on B: the next move through A arrives as an event, not a reload.
    await api.move(demand.id, stageNamed(board, "Release").id);
    await expect(cell(page, "Release").getByText(demand.key)).toBeVisible();
  } finally {
    await balancer.close();
    await dispose();
  }
});
