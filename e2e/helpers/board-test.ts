import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { BoardApi, signInAsDemo } from "./board-api";

type StorageState = Awaited<ReturnType<import("@playwright/test").APIRequestContext["storageState"]>>;

/**
 * Board tests run signed in as the demo user. Signing in is rate limited (and
 * deliberately slow), so each worker signs in once and every test's browser
 * context starts from that session.
 */
export const test = base.extend<{ boardApi: BoardApi }, { demoSession: StorageState }>({
  demoSession: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
      const request = await playwright.request.newContext({ baseURL });
      await signInAsDemo(request, baseURL);
      const state = await request.storageState();
      await request.dispose();
      await use(state);
    },
    // Signing in hashes a password on purpose; give it room on a busy machine.
    { scope: "worker", timeout: 60_000 },
  ],
  storageState: async ({ demoSession }, use) => use(demoSession),
  boardApi: async ({ page, baseURL }, use) => {
    if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
    await use(new BoardApi(page.request, baseURL));
  },
});

export { expect };

/** A cell of the board: one stage in one swim lane, named as screen readers announce it. */
export function cell(page: Page, stage: string, lane = "Standard"): Locator {
  return page.getByRole("list", { name: `${stage}, ${lane}` });
}

/** A demand's card, wherever it is. */
export function card(page: Page, key: string): Locator {
  return page.locator(`li[data-demand-key="${key}"]`);
}

export function stageHeader(page: Page, stage: string): Locator {
  return page.locator(`.stage-header[data-stage="${stage}"]`);
}

/** Opens a board and waits until its cards are shown and the live connection is up. */
export async function openBoard(page: Page, boardId: string): Promise<void> {
  await page.goto(`/boards/${boardId}`);
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
}

/**
 * Drags a card with the mouse onto a cell, in small steps as a person would
 * (dnd-kit starts a drag after a few pixels and follows pointer moves).
 */
export async function dragCardTo(page: Page, key: string, target: Locator): Promise<void> {
  await card(page, key).scrollIntoViewIfNeeded();
  const from = await card(page, key).boundingBox();
  const to = await target.boundingBox();
  if (!from) throw new Error(`card ${key} is not on screen`);
  if (!to) throw new Error("the target is not on screen");
  const startX = from.x + 24;
  const startY = from.y + 12;
  const endX = to.x + to.width / 2;
  const endY = to.y + Math.min(to.height / 2, 40);
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 10, startY + 10, { steps: 4 });
  await page.mouse.move(endX, endY, { steps: 20 });
  await page.mouse.move(endX, endY + 2, { steps: 2 });
  await page.mouse.up();
}
