import AxeBuilder from "@axe-core/playwright";
import { cell, dragCardTo, expect, openBoard, test } from "./helpers/board-test";

// axe takes a while on a busy machine (fixtures count towards the timeout too).
test.describe.configure({ timeout: 120_000 });

test("[BOARD][A11Y]: the board, its dialogs and the settings page pass axe's checks", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Accessible board");
  const demand = await boardApi.placeDemand(board, "Not ready for design", { stage: "Selection" });
  await boardApi.placeDemand(board, "In progress", { stage: "Development", checkAll: true });
  const axe = () => new AxeBuilder({ page }).analyze();

  await openBoard(page, board.id);
  expect((await axe()).violations).toEqual([]);

  await dragCardTo(page, demand.key, cell(page, "Design"));
  await expect(page.getByRole("dialog", { name: "Entry criteria for Design" })).toBeVisible();
  expect((await axe()).violations).toEqual([]);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Not ready for design" }).click();
  await expect(page.getByRole("dialog", { name: `${demand.key} Not ready for design` })).toBeVisible();
  expect((await axe()).violations).toEqual([]);
  await page.keyboard.press("Escape");

  await page.goto(`/boards/${board.id}/settings`);
  await expect(page.getByRole("form", { name: "Stage Design" })).toBeVisible();
  expect((await axe()).violations).toEqual([]);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Boards" })).toBeVisible();
  expect((await axe()).violations).toEqual([]);
});
