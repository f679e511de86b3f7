import type { Locator, Page } from "@playwright/test";
import { laneNamed } from "./helpers/board-api";
import { card, cell, dragCardTo, expect, openBoard, stageHeader, test } from "./helpers/board-test";

// Creating 500 demands takes a while on a busy machine (fixtures count towards the timeout too).
test.describe.configure({ timeout: 180_000 });

const CARDS = 500;

test("[BOARD][SCALE]: with 500 cards on the board a drag across stages still lands; frame times are reported", async ({
  page,
  boardApi,
}, testInfo) => {
  const board = await boardApi.createBoard("Five hundred cards");
  const lanes = ["Expedite", "Standard", "Defects"].map((name) => laneNamed(board, name).id);
  const mover = await boardApi.placeDemand(board, "The one that moves", {
    stage: "Development",
    checkAll: true,
  });
  let next = 1;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < CARDS) {
        const index = next++;
        await boardApi.createDemand(
          board.id,
          `Idea ${index} waiting in selection`,
          lanes[index % lanes.length],
        );
      }
    }),
  );

  await openBoard(page, board.id);
  // Crowded cells show their top; the counts still say what is there.
  await expect(stageHeader(page, "Selection")).toContainText(String(CARDS - 1));
  await expect(page.getByRole("button", { name: /^Show \d+ more$/ })).toHaveCount(3);

  const collapsed = await measureDrag(page, mover.key, cell(page, "Testing"));
  await expect(cell(page, "Testing").getByText(mover.key)).toBeVisible();
  await expect(card(page, mover.key)).not.toHaveAttribute("data-moving");

  // Every card on screen: the drag still lands.
  const showMore = page.getByRole("button", { name: /^Show \d+ more$/ });
  while ((await showMore.count()) > 0) await showMore.first().click();
  await expect(page.locator(".demand-card")).toHaveCount(CARDS);
  const expanded = await measureDrag(page, mover.key, cell(page, "Development"));
  await expect(cell(page, "Development").getByText(mover.key)).toBeVisible();
  await expect(card(page, mover.key)).not.toHaveAttribute("data-moving");

  testInfo.annotations.push(
    { type: "frame intervals, crowded cells collapsed (ms)", description: collapsed },
    { type: "frame intervals, all 500 cards shown (ms)", description: expanded },
  );
  await page.reload();
  await expect(cell(page, "Development").getByText(mover.key)).toBeVisible();
});

/** Drags a card while the page records its frame intervals; returns them summarised. */
async function measureDrag(page: Page, key: string, target: Locator): Promise<string> {
  await page.evaluate(() => {
    const w = window as unknown as { frames: number[]; stop: boolean };
    w.frames = [];
    w.stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      w.frames.push(now - last);
      last = now;
      if (!w.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await dragCardTo(page, key, target);
  const frames = await page.evaluate(() => {
    const w = window as unknown as { frames: number[]; stop: boolean };
    w.stop = true;
    return w.frames.slice(1).sort((a, b) => a - b);
  });
  const at = (share: number) =>
    Math.round(frames[Math.min(frames.length - 1, Math.floor(share * frames.length))] ?? 0);
  return `${frames.length} frames, median ${at(0.5)}, p95 ${at(0.95)}, max ${at(1)}`;
}
