import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { TBoard } from "@tideway/contracts";
import type { BoardApi } from "./helpers/board-api";
import { keepScreenshot, measureBoardLayout, openBoardPatiently } from "./helpers/board-layout";
import { card, cell, expect, stageHeader, test } from "./helpers/board-test";

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1920, height: 1080 } });

const STAGES = ["Selection", "Design", "Development", "Testing", "Release", "Done"];

/** A fresh 2-1-1 board with two cards waiting and one in each stage from Design to Release. */
async function boardWithWork(boardApi: BoardApi): Promise<{ board: TBoard; keys: Record<string, string> }> {
  const board = await boardApi.createBoard("Views board");
  const keys: Record<string, string> = {};
  keys.refunds = (await boardApi.placeDemand(board, "Settle refunds nightly", { stage: "Selection" })).key;
  keys.invoices = (await boardApi.placeDemand(board, "Export invoices as PDF", { stage: "Selection" })).key;
  for (const stage of ["Design", "Development", "Testing", "Release"]) {
    keys[stage] = (await boardApi.placeDemand(board, `Work in ${stage}`, { stage, checkAll: true })).key;
  }
  return { board, keys };
}

const stageCounts = (page: Page) =>
  Promise.all(STAGES.map((stage) => stageHeader(page, stage).locator(".wip-count").textContent()));

const pixels = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((node) => Number.parseFloat(getComputedStyle(node).fontSize));

test("[BOARD][LAYOUT]: the projector view shows every stage at 1920x1080 with titles of 20 px and facts of 16 px or more", async ({
  page,
  boardApi,
}, testInfo) => {
  const { board } = await boardWithWork(boardApi);
  await openBoardPatiently(page, board.id, "?view=projector");
  await expect(page.locator("main.board-page")).toHaveAttribute("data-view", "projector");

  expect(await pixels(page, ".card-title")).toBeGreaterThanOrEqual(20);
  expect(await pixels(page, ".card-line")).toBeGreaterThanOrEqual(16);
  const facts = await measureBoardLayout(page);
  expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
  expect(facts.stageHeadersOffScreen).toEqual([]);
  expect(facts.standardStagesWithoutVisibleCard).toEqual([]);
  await keepScreenshot(page, testInfo, "projector-1920x1080");
});

test("[BOARD][LAYOUT]: the chosen view is kept for the user and put in the URL", async ({
  page,
  boardApi,
}) => {
  const { board } = await boardWithWork(boardApi);
  await openBoardPatiently(page, board.id);
  await expect(page.locator("main.board-page")).toHaveAttribute("data-view", "standard");
  const titleBefore = await pixels(page, ".card-title");

  await page.getByRole("button", { name: "Projector" }).click();
  await expect(page).toHaveURL(/[?&]view=projector/);
  await expect(page.getByRole("button", { name: "Projector" })).toHaveAttribute("aria-pressed", "true");
  expect(await pixels(page, ".card-title")).toBeGreaterThan(titleBefore);

  // Opened again without the parameter, the board remembers the user's choice.
  await openBoardPatiently(page, board.id);
  await expect(page.locator("main.board-page")).toHaveAttribute("data-view", "projector");
  // The URL's parameter wins over what was kept.
  await openBoardPatiently(page, board.id, "?view=compact");
  await expect(page.locator("main.board-page")).toHaveAttribute("data-view", "compact");
  expect(await pixels(page, ".card-title")).toBeLessThan(titleBefore);
});

test("[BOARD][LAYOUT]: a text filter shows only matching cards, keeps every stage count, and survives a reload", async ({
  page,
  boardApi,
}, testInfo) => {
  const { board, keys } = await boardWithWork(boardApi);
  await openBoardPatiently(page, board.id);
  const countsBefore = await stageCounts(page);

  // "/" jumps to the search from anywhere on the board.
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search cards by key or title" });
  await expect(search).toBeFocused();
  await page.keyboard.type("refund");

  await expect(page).toHaveURL(/[?&]q=refund/);
  await expect(card(page, keys.refunds as string)).toBeVisible();
  await expect(page.locator("li.card-slot")).toHaveCount(1);
  expect(await stageCounts(page)).toEqual(countsBefore);
  await keepScreenshot(page, testInfo, "filtered-1920x1080");

  await page.reload();
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
  await expect(search).toHaveValue("refund");
  await expect(card(page, keys.refunds as string)).toBeVisible();
  await expect(page.locator("li.card-slot")).toHaveCount(1);
  expect(await stageCounts(page)).toEqual(countsBefore);

  // A key matches too, and other filters narrow further; clearing brings every card back.
  await search.fill((keys.Testing as string).toLowerCase());
  await expect(cell(page, "Testing").locator("li.card-slot")).toHaveCount(1);
  await expect(page.locator("li.card-slot")).toHaveCount(1);
  // The box shows what the URL says, which follows the click a render later.
  await page.getByLabel("Blocked").click();
  await expect(page.getByLabel("Blocked")).toBeChecked();
  await expect(page.locator("li.card-slot")).toHaveCount(0);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.locator("li.card-slot")).toHaveCount(6);
  await expect(page).not.toHaveURL(/[?&](q|blocked)=/);
});

test("[BOARD][LAYOUT]: a lane folded away by hand stays folded after a reload", async ({
  page,
  boardApi,
}) => {
  const { board, keys } = await boardWithWork(boardApi);
  await openBoardPatiently(page, board.id);

  await page.getByRole("button", { name: "Hide the Standard lane" }).click();
  await expect(card(page, keys.refunds as string)).toHaveCount(0);
  const lane = page.locator('.lane[data-lane="Standard"]');
  expect((await lane.boundingBox())?.height ?? 0).toBeLessThanOrEqual(48);
  // The lane still says what it holds.
  await expect(lane.locator(".lane-total")).toHaveText("6 cards");

  await page.reload();
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Show the Standard lane" })).toHaveAttribute(
    "aria-expanded",
    "false",
  );
  await expect(card(page, keys.refunds as string)).toHaveCount(0);
  await page.getByRole("button", { name: "Show the Standard lane" }).click();
  await expect(card(page, keys.refunds as string)).toBeVisible();
});

for (const view of ["standard", "projector"] as const) {
  test(`[BOARD][LAYOUT]: axe finds no serious or critical problem on the board in the ${view} view`, async ({
    page,
    boardApi,
  }) => {
    const { board } = await boardWithWork(boardApi);
    await openBoardPatiently(page, board.id, `?view=${view}&q=work`);
    await expect(page.locator("li.card-slot")).toHaveCount(4);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((violation) =>
      ["serious", "critical"].includes(violation.impact ?? ""),
    );
    expect(serious).toEqual([]);
  });
}
