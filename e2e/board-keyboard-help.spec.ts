import AxeBuilder from "@axe-core/playwright";
import { expect, openBoard, test } from "./helpers/board-test";

// axe and screenshots take a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("[BOARD][KEYBOARD]: ? opens the sheet of keys, and the first keyboard focus on a card gives a hint once", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Keys");
  const demand = await boardApi.placeDemand(board, "Learn the keys", { stage: "Selection" });
  const other = await boardApi.placeDemand(board, "And again", { stage: "Selection" });

  await openBoard(page, board.id);
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  for (const action of [
    "Pick up the card",
    "Move a picked-up card",
    "Drop it where it is",
    "Cancel the move",
    "Open the card",
    "Search the cards",
    "on to the filters and the board's views",
  ]) {
    await expect(sheet.getByRole("cell", { name: action })).toBeVisible();
  }
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) =>
      ["serious", "critical"].includes(v.impact ?? ""),
    ),
  ).toEqual([]);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: test.info().outputPath(`shortcuts-${viewport.width}.png`) });
  }
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();

  // Typing "?" into a field is just a character.
  await page.getByRole("button", { name: "+ Add demand" }).click();
  const title = page.getByRole("textbox", { name: "Title", exact: true });
  await title.fill("What?");
  await expect(sheet).toBeHidden();
  await page.keyboard.press("Escape");

  // The first time a card's handle gets keyboard focus, the hint names the keys; then never again.
  const hint = page.locator(".keyboard-hint");
  await expect(hint).toHaveCount(0);
  const handle = page.getByRole("button", { name: `Move ${demand.key}` });
  await handle.focus();
  await expect(hint).toContainText("picks the card up");
  await expect(hint).toContainText("shows every key");
  await hint.getByRole("button", { name: "Close the hint" }).click();
  await page.getByRole("button", { name: `Move ${other.key}` }).focus();
  await page.reload();
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
  await page.getByRole("button", { name: `Move ${demand.key}` }).focus();
  // The handle has focus (a barrier): a hint would have appeared with it.
  await expect(page.getByRole("button", { name: `Move ${demand.key}` })).toBeFocused();
  await expect(hint).toHaveCount(0);
});
