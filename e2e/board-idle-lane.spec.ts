import { card, cell, expect, openBoard, test } from "./helpers/board-test";

test("[BOARD][LAYOUT]: a lane holding only delivered work folds its Done cell to a count while other lanes have work", async ({
  page,
  boardApi,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const board = await boardApi.createBoard("Idle lane");
  const delivered = [];
  for (const title of ["Hotfix one", "Hotfix two", "Hotfix three"]) {
    delivered.push(
      await boardApi.placeDemand(board, title, { stage: "Done", lane: "Expedite", checkAll: true }),
    );
  }
  const working = await boardApi.placeDemand(board, "Regular work", { stage: "Development", checkAll: true });
  await openBoard(page, board.id);

  await expect(card(page, working.key)).toBeVisible();
  const expediteDone = page.locator(".stage-cell").filter({ has: cell(page, "Done", "Expedite") });
  const show = expediteDone.getByRole("button", { name: "3 delivered: show" });
  await expect(show).toBeVisible();
  await expect(expediteDone.locator("[data-demand-key]")).toHaveCount(0);
  const lane = page.locator('.lane[data-lane="Expedite"]');
  expect((await lane.boundingBox())?.height ?? 0).toBeLessThan(120);

  await show.click();
  for (const demand of delivered) await expect(card(page, demand.key)).toBeVisible();
  await expediteDone.getByRole("button", { name: "Show fewer" }).click();
  await expect(expediteDone.getByRole("button", { name: "3 delivered: show" })).toBeVisible();
});
