import { stageNamed } from "./helpers/board-api";
import { card, cell, dragCardTo, expect, openBoard, pickUpWithKeyboard, test } from "./helpers/board-test";

test("[BOARD][DRAG]: a mouse drag from Development to Testing persists across a reload and logs one transition", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Drag with the mouse");
  const demand = await boardApi.placeDemand(board, "Card to test", { stage: "Development", checkAll: true });
  const before = await boardApi.transitions(board.id);

  await openBoard(page, board.id);
  await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();
  await dragCardTo(page, demand.key, cell(page, "Testing"));
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
  await expect(card(page, demand.key)).not.toHaveAttribute("data-moving");

  await page.reload();
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
  await expect(cell(page, "Development").getByText(demand.key)).toHaveCount(0);

  const added = (await boardApi.transitions(board.id)).slice(before.length);
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({
    demandId: demand.id,
    kind: "moved",
    fromStageId: stageNamed(board, "Development").id,
    toStageId: stageNamed(board, "Testing").id,
  });
});

test("[BOARD][KEYBOARD]: the same move with the keyboard alone, announced to screen readers", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Drag with the keyboard");
  const demand = await boardApi.placeDemand(board, "Keyboard card", { stage: "Development", checkAll: true });
  const before = await boardApi.transitions(board.id);

  await openBoard(page, board.id);
  const handle = page.getByRole("button", { name: `Move ${demand.key}` });
  const announcer = await pickUpWithKeyboard(page, demand.key, "Development, Standard lane");
  await page.keyboard.press("ArrowRight");
  await expect(announcer).toContainText(`${demand.key} is over Testing, Standard lane`);
  await page.keyboard.press("Space");
  await expect(announcer).toContainText(`${demand.key} was dropped in Testing, Standard lane`);

  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
  await expect(card(page, demand.key)).not.toHaveAttribute("data-moving");
  // Focus stays on the card, so the next move can follow without hunting for it.
  await expect(handle).toBeFocused();
  await page.reload();
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();

  const added = (await boardApi.transitions(board.id)).slice(before.length);
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({
    demandId: demand.id,
    kind: "moved",
    toStageId: stageNamed(board, "Testing").id,
  });
});
