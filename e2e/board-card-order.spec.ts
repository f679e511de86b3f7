import { cell, dragCardTo, expect, openBoard, pickUpWithKeyboard, test } from "./helpers/board-test";

test("[BOARD][ORDER]: dragging a card above another in its cell keeps the new order after a reload", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Card order");
  const first = await boardApi.createDemand(board.id, "First in line");
  const second = await boardApi.createDemand(board.id, "Second in line");
  const third = await boardApi.createDemand(board.id, "Third in line");
  const keys = () =>
    cell(page, "Selection")
      .locator("li[data-demand-key]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-demand-key")));

  await openBoard(page, board.id);
  expect(await keys()).toEqual([first.key, second.key, third.key]);
  await dragCardTo(page, third.key, cell(page, "Selection").locator(`li[data-demand-key="${first.key}"]`));
  await expect.poll(keys).toEqual([third.key, first.key, second.key]);

  await page.reload();
  await expect.poll(keys).toEqual([third.key, first.key, second.key]);
  const moves = (await boardApi.transitions(board.id)).filter((transition) => transition.kind === "moved");
  expect(moves).toHaveLength(0);
});

test("[BOARD][KEYBOARD]: Escape cancels a keyboard move and the card stays where it was", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Cancel a move");
  const demand = await boardApi.placeDemand(board, "Changed my mind", {
    stage: "Development",
    checkAll: true,
  });
  const before = await boardApi.transitions(board.id);

  await openBoard(page, board.id);
  const announcer = await pickUpWithKeyboard(page, demand.key, "Development, Standard lane");
  await page.keyboard.press("ArrowRight");
  await expect(announcer).toContainText(`${demand.key} is over Testing, Standard lane`);
  await page.keyboard.press("Escape");
  await expect(announcer).toContainText(
    `Moving ${demand.key} was cancelled. It is back in Development, Standard lane`,
  );
  await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();
  await expect(cell(page, "Testing").getByText(demand.key)).toHaveCount(0);
  expect(await boardApi.transitions(board.id)).toHaveLength(before.length);
});

test("[BOARD][KEYBOARD]: the board says when its cards can be picked up, even when the drag code arrives late", async ({
  page,
  boardApi,
}) => {
  // The drag layer loads beside the board's data (board-grid.tsx); here it is held back until
  // the board is live, so openBoard's wait for data-drag-ready is what the pick-up relies on.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/drag-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const board = await boardApi.createBoard("Slow drag code");
  const demand = await boardApi.placeDemand(board, "Early press", { stage: "Development", checkAll: true });

  const opened = openBoard(page, board.id);
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
  release();
  await opened;
  const announcer = await pickUpWithKeyboard(page, demand.key, "Development, Standard lane");
  await page.keyboard.press("Escape");
  await expect(announcer).toContainText(`Moving ${demand.key} was cancelled`);
});
