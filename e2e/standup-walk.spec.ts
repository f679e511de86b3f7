import AxeBuilder from "@axe-core/playwright";
import type { Page, TestInfo } from "@playwright/test";
import { cell, dragCardTo, expect, openBoard, test } from "./helpers/board-test";
import { expectAt, expectedStops, focusedCard, openStandup, standupBoard } from "./helpers/standup-walk";

// The projector the stand-up is designed for.
test.use({ viewport: { width: 1920, height: 1080 } });
// The walk presses some fifty keys with two checks each; leave room for a busy machine.
test.describe.configure({ timeout: 90_000 });

/** A full-page screenshot kept in the test's output folder as an artifact of the run. */
async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

const summary = (page: Page) => page.getByRole("region", { name: "Stand-up summary" });
const lineupKeys = (page: Page) =>
  page
    .locator(".standup-lineup li")
    .evaluateAll((items) => items.map((li) => li.getAttribute("data-demand-key")));

test("[STANDUP]: walks a board right to left by keyboard in the documented order", async ({
  page,
  boardApi,
}, testInfo) => {
  let board = await standupBoard(boardApi, "Stand-up walk");
  // Block the Development card that would be discussed last, so the walk has to put it first.
  const lastInDevelopment = expectedStops(board)
    .filter((stop) => stop.stage === "Development")
    .at(-1);
  if (!lastInDevelopment?.key) throw new Error("the board has nothing in Development");
  const blocked = board.demands.find((demand) => demand.key === lastInDevelopment.key);
  if (!blocked) throw new Error(`no demand ${lastInDevelopment.key}`);
  await boardApi.block(blocked.id, "Waiting for the bank's sandbox credentials");
  board = await boardApi.board(board.id);
  const stops = expectedStops(board);
  expect(stops.find((stop) => stop.stage === "Development")?.key).toBe(lastInDevelopment.key);

  await openStandup(page, board.id, "?minutes=10");
  await expect(page.getByRole("timer")).toContainText("of 10 min");
  const first = stops[0];
  if (!first) throw new Error("the board has no stages");
  expect(first.stage).toBe("Release");
  await expectAt(page, first);
  await screenshot(page, testInfo, "standup-01-start");

  // Card by card to the end, with each of the "next" keys in turn.
  const forwardKeys = ["ArrowRight", "Space", "PageDown"];
  for (const [index, stop] of stops.entries()) {
    if (index === 0) continue;
    await page.keyboard.press(forwardKeys[index % forwardKeys.length] as string);
    await expectAt(page, stop);
    const previous = stops[index - 1];
    if (previous && previous.stage !== stop.stage && stop.stage === "Testing") {
      await screenshot(page, testInfo, "standup-02-first-card-of-testing");
    }
    if (stop.key === lastInDevelopment.key) {
      await expect(focusedCard(page).locator(".standup-blocked")).toContainText(
        "Waiting for the bank's sandbox credentials",
      );
      await screenshot(page, testInfo, "standup-03-blocked-card");
    }
  }

  // After the last card of the leftmost stage: the summary.
  await page.keyboard.press("ArrowRight");
  await expect(summary(page)).toBeVisible();
  await expect(summary(page).getByRole("region", { name: /^Blocked/ })).toContainText(lastInDevelopment.key);
  await screenshot(page, testInfo, "standup-04-summary");

  // Back again with Left and PageUp.
  await page.keyboard.press("ArrowLeft");
  await expectAt(page, stops[stops.length - 1] as (typeof stops)[number]);
  await page.keyboard.press("PageUp");
  await expectAt(page, stops[stops.length - 2] as (typeof stops)[number]);

  // Stage by stage: Down to the next stage's first card, Up to the previous one's.
  const stageStarts = stops.filter((stop, index) => index === 0 || stops[index - 1]?.stage !== stop.stage);
  await page.keyboard.press("Home");
  await expectAt(page, first);
  for (const start of stageStarts.slice(1, 4)) {
    await page.keyboard.press("ArrowDown");
    await expectAt(page, start);
  }
  await page.keyboard.press("ArrowUp");
  await expectAt(page, stageStarts[2] as (typeof stops)[number]);
  await page.keyboard.press("ArrowUp");
  await expectAt(page, stageStarts[1] as (typeof stops)[number]);
  // Left from a stage's first card goes to the last card of the stage to its right.
  await page.keyboard.press("ArrowLeft");
  const lastOfFirstStage = stops.filter((stop) => stop.stage === first.stage).at(-1);
  expect(lastOfFirstStage).not.toEqual(first);
  await expectAt(page, lastOfFirstStage as (typeof stops)[number]);

  // F finishes early; Esc leaves for the board.
  await page.keyboard.press("f");
  await expect(summary(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/boards/${board.id}$`));
});

test("[STANDUP]: B blocks the focused card with a reason, and the walk keeps the order already shown", async ({
  page,
  boardApi,
}, testInfo) => {
  // A board of its own: the demo board's Testing column changes as other tests move cards.
  const fresh = await boardApi.createBoard("Stand-up blocking");
  for (const title of ["Card one", "Card two", "Card three"]) {
    await boardApi.placeDemand(fresh, title, { stage: "Testing", checkAll: true });
  }
  const board = await boardApi.board(fresh.id);
  const testing = expectedStops(board).filter((stop) => stop.stage === "Testing");
  const [one, two, three] = testing;
  if (!one || !two || !three) throw new Error("expected three cards in Testing");

  await openStandup(page, board.id);
  await page.keyboard.press("ArrowDown");
  await expectAt(page, one);
  await page.keyboard.press("ArrowRight");
  await expectAt(page, two);
  const shownOrder = await lineupKeys(page);

  await page.keyboard.press("b");
  const dialog = page.getByRole("dialog", { name: `Block ${two.key}` });
  await expect(dialog).toBeVisible();
  const reason = dialog.getByLabel("Why is it blocked?");
  await expect(reason).toBeFocused();
  await page.keyboard.type("Test environment is down");
  await screenshot(page, testInfo, "standup-05-block-dialog");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(focusedCard(page).locator(".standup-blocked")).toContainText("Test environment is down");
  await expectAt(page, two);
  // Blocked cards come first, but not by jumping back over cards already discussed.
  expect(await lineupKeys(page)).toEqual(shownOrder);
  await page.keyboard.press("ArrowRight");
  await expectAt(page, three);

  await page.keyboard.press("End");
  await expect(summary(page).getByRole("region", { name: /^Blocked/ })).toContainText(two.key);

  // B on a blocked card asks to confirm unblocking; Escape in the dialog only closes the dialog.
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await expectAt(page, { stage: "Testing", key: two.key });
  await page.keyboard.press("b");
  const unblock = page.getByRole("dialog", { name: `Unblock ${two.key}` });
  await expect(unblock.getByRole("button", { name: "Unblock" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(unblock).toBeHidden();
  await expect(page).toHaveURL(/\/standup$/);
  await page.keyboard.press("b");
  await expect(unblock.getByRole("button", { name: "Unblock" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(unblock).toBeHidden();
  await expect(focusedCard(page)).toHaveAttribute("data-blocked", "false");
});

test("[STANDUP][A11Y]: no serious or critical axe violations", async ({ page, boardApi }) => {
  const board = await standupBoard(boardApi, "Stand-up axe");
  const seriousViolations = async () => {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map((node) => node.target.join(" ")),
      }));
  };

  await openStandup(page, board.id);
  expect(await seriousViolations()).toEqual([]);

  await page.keyboard.press("ArrowDown");
  await expect(focusedCard(page)).not.toHaveAttribute("data-demand-key", "");
  expect(await seriousViolations()).toEqual([]);

  await page.keyboard.press("b");
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations()).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.keyboard.press("f");
  await expect(summary(page)).toBeVisible();
  expect(await seriousViolations()).toEqual([]);
});

test("[STANDUP][KEYS]: a key pressed the moment the block dialog closes is taken, not swallowed", async ({
  page,
  boardApi,
}) => {
  // The race a loaded machine hits: the dialog has closed, but React has not rendered since,
  // so the dialog and its reason field (with focus) are still on the page when the next key
  // arrives.
  const board = await standupBoard(boardApi, "Stand-up keys");
  await openStandup(page, board.id);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("b");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.evaluate(() => {
    const target = document.activeElement;
    if (target?.tagName !== "INPUT") throw new Error(`focus is on ${target?.tagName}, not the reason field`);
    target.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true, cancelable: true }));
    // Same task: the dialog is closed but not yet rendered away, and focus is still in its field.
    if (!target.isConnected) throw new Error("the dialog left the page before the next key");
    target.dispatchEvent(new KeyboardEvent("keydown", { key: "f", bubbles: true, cancelable: true }));
  });
  await expect(summary(page)).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();
});

test("[STANDUP][LIVE]: a move made in another browser context appears in the stand-up view", async ({
  page,
  boardApi,
  browser,
  baseURL,
  demoSession,
}, testInfo) => {
  const board = await boardApi.createBoard("Stand-up live");
  const discussed = await boardApi.placeDemand(board, "Under discussion", {
    stage: "Testing",
    checkAll: true,
  });
  const mover = await boardApi.placeDemand(board, "Moved by a teammate", {
    stage: "Development",
    checkAll: true,
  });

  await openStandup(page, board.id);
  await page.keyboard.press("ArrowDown");
  await expectAt(page, { stage: "Testing", key: discussed.key });
  await expect(page.locator('.standup-stages li[data-stage="Testing"]')).toContainText("1 / 5");

  const otherContext = await browser.newContext({ baseURL, storageState: demoSession });
  const other = await otherContext.newPage();
  try {
    await openBoard(other, board.id);
    await dragCardTo(other, mover.key, cell(other, "Testing"));
    await expect(cell(other, "Testing").getByText(mover.key)).toBeVisible();

    // At once, without a reload: the ticker, the stage's lineup and its WIP; the focus stays put.
    await expect(page.locator(".standup-ticker")).toContainText(`Just moved: ${mover.key}`, {
      timeout: 3000,
    });
    await expect(page.locator(".standup-ticker")).toContainText("Development → Testing");
    await expect(page.locator(`.standup-lineup li[data-demand-key="${mover.key}"]`)).toBeVisible();
    await expect(page.locator('.standup-stages li[data-stage="Testing"]')).toContainText("2 / 5");
    await expectAt(page, { stage: "Testing", key: discussed.key });
    await screenshot(page, testInfo, "standup-06-live-move");

    await page.keyboard.press("ArrowRight");
    await expectAt(page, { stage: "Testing", key: mover.key });

    await page.keyboard.press("f");
    const moved = summary(page).getByRole("region", { name: /^Moved during the stand-up/ });
    await expect(moved.locator(`li[data-demand-key="${mover.key}"]`)).toContainText("Development → Testing");
    await screenshot(page, testInfo, "standup-07-summary-with-moves");
  } finally {
    await otherContext.close();
  }
});

test("[STANDUP][SAMPLE]: a 2-1-1 number resting on fewer than 10 demands says so beside its verdict", async ({
  page,
  boardApi,
}) => {
  const { board } = await boardApi.createBoardWithFlow("Stand-up small sample");

  await openStandup(page, board.id);
  const delivery = page.locator('.standup-two-one-one li[data-tile="delivery"]');
  await expect(delivery.getByTestId("standup-small-sample-delivery")).toHaveText("from 1 demand only");
  await expect(delivery.getByTestId("standup-small-sample-delivery")).toHaveAttribute(
    "title",
    "(from 1 demand, fewer than 10: read with care)",
  );
  await expect(page.getByTestId("standup-small-sample-development")).toHaveText("from 1 demand only");
});
