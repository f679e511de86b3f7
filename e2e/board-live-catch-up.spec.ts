import type { Page, WebSocketRoute } from "@playwright/test";
import { stageNamed } from "./helpers/board-api";
import { cell, expect, openBoard, test } from "./helpers/board-test";

test("[BOARD][LIVE]: a browser that lost its connection catches up when it reconnects", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Catch up");
  const demand = await boardApi.placeDemand(board, "Moved while away", {
    stage: "Development",
    checkAll: true,
  });

  // The socket goes through the test, which can cut it and refuse reconnects for a while.
  let online = true;
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (online) {
      socket.connectToServer();
      sockets.push(socket);
    } else {
      void socket.close();
    }
  });
  await openBoard(page, board.id);

  online = false;
  for (const socket of sockets) await socket.close();
  await expect(page.locator('.live-status[data-live="live"]')).toHaveCount(0);
  await boardApi.move(demand.id, stageNamed(board, "Testing").id);
  const added = await boardApi.createDemand(board.id, "Added while away");
  await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();

  online = true;
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible({ timeout: 15_000 });
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
  await expect(cell(page, "Selection").getByText(added.key)).toBeVisible();
});

test("[BOARD][LIVE]: a missed event is noticed by its sequence number and the board is fetched again", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Sequence gap");
  const demand = await boardApi.placeDemand(board, "Event lost on the way", {
    stage: "Development",
    checkAll: true,
  });

  // The test relays socket.io frames and drops the next board event, as a flaky network might.
  let dropNextEvent = false;
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (dropNextEvent && typeof message === "string" && message.startsWith('42["board:event"')) {
        dropNextEvent = false;
        return;
      }
      socket.send(message);
    });
  });
  await openBoard(page, board.id);

  dropNextEvent = true;
  await boardApi.move(demand.id, stageNamed(board, "Testing").id);
  await expect.poll(() => dropNextEvent).toBe(false);
  await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();

  const added = await boardApi.createDemand(board.id, "The next change");
  await expect(cell(page, "Selection").getByText(added.key)).toBeVisible();
  await expect(cell(page, "Testing").getByText(demand.key)).toBeVisible();
});

/** The board's fetch answers 503 "Down." while `down()` says so. */
async function failBoardLoads(page: Page, boardId: string, down = () => true): Promise<void> {
  await page.route(`**/api/boards/${boardId}`, (route) =>
    down()
      ? route.fulfill({ status: 503, json: { code: "UNAVAILABLE", message: "Down." } })
      : route.continue(),
  );
}

/**
 * Opens the board from the board list: a page the server sends for the board itself brings
 * the board in it (docs/decisions/020), so its first look at the board that can fail is the
 * one it makes after a navigation inside the app.
 */
async function openBoardFromList(page: Page, boardId: string): Promise<void> {
  await page.goto("/");
  await page.locator(`.board-list a[href="/boards/${boardId}"]`).click();
}

test("[BOARD][LIVE]: a board whose first load failed loads once the server answers again", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("First load fails");
  const demand = await boardApi.createDemand(board.id, "Shown once loaded");
  // The server is unreachable for the page's first look at the board and its live room.
  let online = false;
  await failBoardLoads(page, board.id, () => !online);
  // The live connection is held open without reaching the server until it is back.
  const waiting: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (socket) => {
    if (online) socket.connectToServer();
    else waiting.push(socket);
  });
  await openBoardFromList(page, board.id);
  await expect(page.getByRole("alert")).toContainText("Down.");

  // It comes back: the live room answers, and the board loads without a reload.
  online = true;
  for (const socket of waiting) socket.connectToServer();
  await expect(cell(page, "Selection").getByText(demand.key)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("[BOARD]: a board that could not be loaded offers to try again", async ({ page, boardApi }) => {
  const board = await boardApi.createBoard("Try again");
  const demand = await boardApi.createDemand(board.id, "Shown on the second try");
  await failBoardLoads(page, board.id);
  // No live connection either, which would load the board by itself once it answers.
  await page.routeWebSocket(/\/socket\.io\//, () => {});
  await openBoardFromList(page, board.id);
  await expect(page.getByRole("alert")).toContainText("Down.");

  await page.unroute(`**/api/boards/${board.id}`);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(cell(page, "Selection").getByText(demand.key)).toBeVisible();
});
