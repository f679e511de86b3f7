import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../apps/api/src/db/embedded-postgres";
import { type ServerProcess, startServerProcess } from "../apps/api/test/helpers/server-process";
import { BoardApi, laneNamed, signInAsDemo, stageNamed } from "./helpers/board-api";
import { cell, expect } from "./helpers/board-test";
import { test } from "./helpers/clock-test";

// This journey kills its server, so it runs one of its own (a fresh data folder
// and port) instead of the shared e2e server, and signs in there.
test("[BOARD][LIVE]: after the server is killed and restarted, an open board reconnects and shows the server's state without a reload", async ({
  browser,
  playwright,
}) => {
  // Starts a server with a fresh database twice (before and after the kill): Playwright's
  // mark for a slow test (three times the configured budget) instead of a budget of its own.
  test.slow();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "tideway-e2e-kill-"));
  const port = await findFreePort();
  // 127.0.0.1, not localhost: cookies ignore ports, and the shared server's session lives on localhost.
  const url = `http://127.0.0.1:${port}`;
  let server: ServerProcess = await startServerProcess({ DATA_DIR: dataDir }, { port });
  const request = await playwright.request.newContext({ baseURL: url });
  try {
    await signInAsDemo(request, url);
    const api = new BoardApi(request, url);
    const board = await api.createBoard("Killed server");
    const testing = stageNamed(board, "Testing");
    const movedBefore = await api.placeDemand(board, "Moved before the kill", {
      stage: "Development",
      checkAll: true,
    });
    const movedAfter = await api.placeDemand(board, "Moved after the restart", {
      stage: "Development",
      checkAll: true,
    });

    const context = await browser.newContext({ baseURL: url, storageState: await request.storageState() });
    const page = await context.newPage();
    await page.goto(`/boards/${board.id}`);
    await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
    // Survives only if the page is never reloaded.
    await page.evaluate(() => {
      (window as { sameDocument?: boolean }).sameDocument = true;
    });

    await api.move(movedBefore.id, testing.id);
    await expect(cell(page, "Testing").getByText(movedBefore.key)).toBeVisible();

    server.process.kill("SIGKILL");
    await server.stop();
    await expect(page.locator('.live-status[data-live="live"]')).toHaveCount(0);

    server = await startServerProcess({ DATA_DIR: dataDir }, { port });
    // Changes made while the browser is still reconnecting reach it by the refetch on reconnect...
    await api.move(movedAfter.id, testing.id);
    const created = await api.createDemand(board.id, "Created after the restart");
    await expect(page.locator('.live-status[data-live="live"]')).toBeVisible({ timeout: 20_000 });
    await expect(cell(page, "Testing").getByText(movedAfter.key)).toBeVisible();
    await expect(cell(page, "Selection").getByText(created.key)).toBeVisible();
    await expect(cell(page, "Testing").getByText(movedBefore.key)).toBeVisible();
    // ...and later ones as live events again.
    await api.move(created.id, stageNamed(board, "Selection").id, laneNamed(board, "Defects").id);
    await expect(cell(page, "Selection", "Defects").getByText(created.key)).toBeVisible();

    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await context.close();
  } finally {
    await request.dispose();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
