import type { Page } from "@playwright/test";
import type { TBoard, TDemand } from "@tideway/contracts";
import { QUEUE_SHOWN } from "../apps/web/src/features/board/cell-window";
import { type BoardApi, laneNamed } from "./helpers/board-api";
import { card, cell, dragCardTo, expect, openBoard, pickUpWithKeyboard, test } from "./helpers/board-test";

// Only the cards a drag touches are wired to dnd-kit (drag-scope-store.ts); these moves start,
// pass through or end in an opened crowded cell, among cards the default view hides.
const WAITING = QUEUE_SHOWN + 5;

/** A board whose Selection, Standard cell holds WAITING demands; the last can leave (criteria ticked). */
async function crowdedBoard(
  boardApi: BoardApi,
  name: string,
): Promise<{ board: TBoard; waiting: TDemand[] }> {
  const board = await boardApi.createBoard(name);
  const standard = laneNamed(board, "Standard").id;
  const waiting: TDemand[] = [];
  for (let i = 1; i < WAITING; i++)
    waiting.push(await boardApi.createDemand(board.id, `Waiting ${i}`, standard));
  waiting.push(
    await boardApi.placeDemand(board, `Waiting ${WAITING}`, { stage: "Selection", checkAll: true }),
  );
  return { board, waiting };
}

/** A demand in Design, in the lane below: on screen next to the bottom of the crowded cell, criteria ticked. */
function placeBelow(boardApi: BoardApi, board: TBoard, title: string): Promise<TDemand> {
  return boardApi.placeDemand(board, title, { stage: "Design", lane: "Defects", checkAll: true });
}

function keysIn(page: Page, stage: string) {
  return () =>
    cell(page, stage)
      .locator("li[data-demand-key]")
      .evaluateAll((items) => items.map((item) => item.getAttribute("data-demand-key")));
}

async function openSelection(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Show 5 more" }).click();
  await expect(cell(page, "Selection").locator("li[data-demand-key]")).toHaveCount(WAITING);
}

test("[BOARD][DRAG]: in an opened crowded cell a card lands where it is dropped, coming in and going out", async ({
  page,
  boardApi,
}) => {
  const { board, waiting } = await crowdedBoard(boardApi, "Opened cell drags");
  const mover = await placeBelow(boardApi, board, "Comes back to selection");
  const keys = waiting.map((demand) => demand.key);
  const selection = keysIn(page, "Selection");

  await openBoard(page, board.id);
  await openSelection(page);
  // Onto a card the default view hides: the mover takes its place, and the rest move down one.
  const target = waiting[QUEUE_SHOWN + 1] as TDemand;
  await dragCardTo(page, mover.key, card(page, target.key));
  const expected = [...keys.slice(0, QUEUE_SHOWN + 1), mover.key, ...keys.slice(QUEUE_SHOWN + 1)];
  await expect.poll(selection).toEqual(expected);
  await expect(card(page, mover.key)).not.toHaveAttribute("data-moving");

  // The last card of the opened cell out into the next stage, a lane further down.
  const leaver = waiting[WAITING - 1] as TDemand;
  await dragCardTo(page, leaver.key, cell(page, "Design", "Defects"));
  await expect(cell(page, "Design", "Defects").getByText(leaver.key)).toBeVisible();
  await expect(card(page, leaver.key)).not.toHaveAttribute("data-moving");

  await page.reload();
  await openSelection(page);
  await expect.poll(selection).toEqual(expected.filter((key) => key !== leaver.key));
  await expect(cell(page, "Design", "Defects").getByText(leaver.key)).toBeVisible();
});

test("[BOARD][KEYBOARD]: a card far down an opened crowded cell moves up with the arrow keys", async ({
  page,
  boardApi,
}) => {
  const { board, waiting } = await crowdedBoard(boardApi, "Opened cell keyboard");
  const keys = waiting.map((demand) => demand.key);
  const selection = keysIn(page, "Selection");
  const moved = waiting[WAITING - 2] as TDemand;

  await openBoard(page, board.id);
  await openSelection(page);
  const handle = page.getByRole("button", { name: `Move ${moved.key}` });
  const announcer = await pickUpWithKeyboard(page, moved.key, "Selection, Standard lane");
  // Each step up slides the card above down to make room (as a person waits to see it).
  for (const passed of [keys[WAITING - 3], keys[WAITING - 4]]) {
    await page.keyboard.press("ArrowUp");
    await expect(card(page, passed as string)).toHaveCSS("transform", /^matrix\(1, 0, 0, 1, 0, [1-9]/);
  }
  await page.keyboard.press("Space");
  await expect(announcer).toContainText(`${moved.key} was dropped in Selection, Standard lane`);

  const expected = [
    ...keys.slice(0, WAITING - 4),
    moved.key,
    ...keys.slice(WAITING - 4, WAITING - 2),
    keys[WAITING - 1],
  ];
  await expect.poll(selection).toEqual(expected);
  await expect(card(page, moved.key)).not.toHaveAttribute("data-moving");
  await expect(handle).toBeFocused();
  await page.reload();
  await openSelection(page);
  await expect.poll(selection).toEqual(expected);
});

test("[BOARD][DRAG]: a card flicked onto a crowded cell and let go at once still lands in it", async ({
  page,
  boardApi,
}) => {
  const { board, waiting } = await crowdedBoard(boardApi, "Flicked card");
  const mover = await placeBelow(boardApi, board, "Flicked back to selection");

  await openBoard(page, board.id);
  const from = card(page, mover.key);
  await from.scrollIntoViewIfNeeded();
  const start = await from.boundingBox();
  const to = await card(page, (waiting[QUEUE_SHOWN - 1] as TDemand).key).boundingBox();
  if (!start || !to) throw new Error("the cards are not on screen");
  await page.mouse.move(start.x + 24, start.y + 12);
  await page.mouse.down();
  await page.mouse.move(start.x + 34, start.y + 22, { steps: 2 });
  // One jump and let go, before the cell's cards are wired to the drag.
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2);
  await page.mouse.up();

  await expect(cell(page, "Selection").getByText(mover.key)).toBeVisible();
  await expect(card(page, mover.key)).not.toHaveAttribute("data-moving");
  await page.reload();
  await expect(cell(page, "Selection").getByText(mover.key)).toBeVisible();
});
