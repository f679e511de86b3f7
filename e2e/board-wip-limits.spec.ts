import { card, cell, dragCardTo, expect, notices, openBoard, stageHeader, test } from "./helpers/board-test";

test("[BOARD][WIP]: a drop into a full stage is refused with the reason and the card goes back", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Hard limit");
  // Testing has a hard WIP limit of 5 on a 2-1-1 board.
  for (let index = 1; index <= 5; index++) {
    await boardApi.placeDemand(board, `Already testing ${index}`, { stage: "Testing" });
  }
  const demand = await boardApi.placeDemand(board, "One too many", { stage: "Development", checkAll: true });

  await openBoard(page, board.id);
  await expect(stageHeader(page, "Testing")).toHaveAttribute("data-wip", "full");
  await dragCardTo(page, demand.key, cell(page, "Testing"));

  await expect(notices(page)).toContainText("Testing is at its WIP limit of 5.");
  await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();
  await expect(cell(page, "Testing").getByText(demand.key)).toHaveCount(0);
  await page.reload();
  await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();
});

test("[BOARD][WIP]: a soft limit lets the demand in and marks the column", async ({ page, boardApi }) => {
  const board = await boardApi.createBoard("Soft limit");
  // Release has a soft WIP limit of 4 on a 2-1-1 board.
  for (let index = 1; index <= 4; index++) {
    await boardApi.placeDemand(board, `Waiting for release ${index}`, { stage: "Release" });
  }
  const demand = await boardApi.placeDemand(board, "Tested", { stage: "Testing", checkAll: true });

  await openBoard(page, board.id);
  await expect(stageHeader(page, "Release")).toHaveAttribute("data-wip", "at-limit");
  // Release is the rightmost column the window shows; the card rests over it before the drop.
  await dragCardTo(page, demand.key, cell(page, "Release"), { rest: true });

  await expect(cell(page, "Release").getByText(demand.key)).toBeVisible();
  await expect(card(page, demand.key)).not.toHaveAttribute("data-moving");
  await expect(stageHeader(page, "Release")).toHaveAttribute("data-wip", "over");
  await expect(stageHeader(page, "Release")).toContainText("5 / 4 over its limit");
  await page.reload();
  await expect(cell(page, "Release").getByText(demand.key)).toBeVisible();
  await expect(stageHeader(page, "Release")).toHaveAttribute("data-wip", "over");
});
