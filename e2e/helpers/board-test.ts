import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";
import { BoardApi } from "./board-api";
import { test as base } from "./clock-test";
import { dragWithMouse } from "./drag-card";
import { type PortfolioApi, portfolioApiFor } from "./portfolio-api";

type StorageState = Awaited<ReturnType<import("@playwright/test").APIRequestContext["storageState"]>>;

/**
 * Board tests run signed in as the demo user. Signing in is rate limited (and
 * deliberately slow), so the run signs in once (e2e/global-setup.ts) and every
 * worker's browser contexts start from that session.
 */
export const test = base.extend<
  { boardApi: BoardApi; portfolios: PortfolioApi },
  { demoSession: StorageState }
>({
  demoSession: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixtures take their dependencies as a pattern.
    async ({}, use) => {
      const file = process.env.DEMO_SESSION_FILE;
      if (!file) throw new Error("DEMO_SESSION_FILE is unset: e2e/global-setup.ts did not run");
      await use(JSON.parse(await readFile(file, "utf8")) as StorageState);
    },
    { scope: "worker" },
  ],
  storageState: async ({ demoSession }, use) => use(demoSession),
  boardApi: async ({ page, baseURL }, use) => {
    if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
    await use(new BoardApi(page.request, baseURL));
  },
  portfolios: async ({ page, baseURL }, use) => use(portfolioApiFor(page.request, baseURL)),
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

/** The corner where refusals, failures and confirmations appear (Radix toasts, F8 to reach). */
export function notices(page: Page): Locator {
  return page.getByRole("region", { name: /^Messages/ });
}

export function stageHeader(page: Page, stage: string): Locator {
  return page.locator(`.stage-header[data-stage="${stage}"]`);
}

/** Opens a board and waits until its cards are shown, the live connection is up and cards can be picked up. */
export async function openBoard(page: Page, boardId: string): Promise<void> {
  await page.goto(`/boards/${boardId}`);
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
  // The drag layer loads beside the board's data (board-grid.tsx): a press on a card before
  // it is there goes nowhere. A pinned run at 00:30 pressed Space 12 ms too early.
  await expect(page.locator(".board-scroller[data-drag-ready]")).toBeAttached();
}

/**
 * Picks a card up with the keyboard (focus its handle, Space) and waits until
 * the arrow keys will move it. dnd-kit announces the pick-up at once, but its
 * keyboard sensor starts listening for arrows and Escape only in a
 * `setTimeout(0)` scheduled on pick-up; Chromium runs queued input before
 * timers, so an arrow pressed right away on a busy machine reached nobody and
 * the card never moved. A timer set after the pick-up fires after dnd-kit's
 * (timers of equal delay run in the order they were set), so it is a barrier.
 * Returns where dnd-kit announces the drag to screen readers.
 */
export async function pickUpWithKeyboard(page: Page, key: string, where: string): Promise<Locator> {
  const announcer = page.locator('[id^="DndLiveRegion"]');
  await page.getByRole("button", { name: `Move ${key}` }).focus();
  await page.keyboard.press("Space");
  await expect(announcer).toContainText(`Picked up ${key} in ${where}`);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return announcer;
}

/** Drags a card with the mouse onto a cell, in small steps as a person would. */
export async function dragCardTo(
  page: Page,
  key: string,
  target: Locator,
  options?: { rest?: boolean },
): Promise<void> {
  await dragWithMouse(page, card(page, key), target, options);
}
