import { stageNamed } from "./helpers/board-api";
import { cell, dragCardTo, expect, openBoard, test } from "./helpers/board-test";

test("[BOARD][LIVE]: a move in one browser appears in another without reload", async ({
  page,
  boardApi,
  browser,
  baseURL,
  demoSession,
}) => {
  const board = await boardApi.createBoard("Live updates");
  const demand = await boardApi.placeDemand(board, "Seen everywhere", {
    stage: "Development",
    checkAll: true,
  });

  const otherContext = await browser.newContext({ baseURL, storageState: demoSession });
  const other = await otherContext.newPage();
  try {
    await openBoard(page, board.id);
    await openBoard(other, board.id);
    await expect(cell(other, "Development").getByText(demand.key)).toBeVisible();

    await dragCardTo(page, demand.key, cell(page, "Testing"));
    await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
    await expect(cell(other, "Testing").getByText(demand.key)).toBeVisible({ timeout: 3000 });
    await expect(cell(other, "Development").getByText(demand.key)).toHaveCount(0);

    // And back the other way, from the second browser.
    await dragCardTo(other, demand.key, cell(other, "Development"));
    await expect(cell(page, "Development").getByText(demand.key)).toBeVisible({ timeout: 3000 });
  } finally {
    await otherContext.close();
  }
});

test("[BOARD][LIVE]: the board, its dashboard and the notification bell share one connection per tab", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("One connection");
  const demand = await boardApi.placeDemand(board, "Moved while the dashboard is open", {
    stage: "Development",
    checkAll: true,
  });
  const opened: string[] = [];
  page.on("websocket", (socket) => {
    if (socket.url().includes("/socket.io/")) opened.push(socket.url());
  });

  await openBoard(page, board.id);
  await expect(page.getByRole("button", { name: /^Notifications/ })).toBeVisible();
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
  await page.getByRole("link", { name: "Back to the board" }).click();
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();

  // The board left the room for the dashboard and joined it again: a move made elsewhere still arrives.
  await boardApi.move(demand.id, stageNamed(board, "Testing").id);
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
  expect(opened).toHaveLength(1);
});
