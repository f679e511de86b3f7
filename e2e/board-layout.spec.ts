import type { TBoard } from "@tideway/contracts";
import type { BoardApi } from "./helpers/board-api";
import { keepScreenshot, measureBoardLayout, openBoardPatiently } from "./helpers/board-layout";
import { expect, test } from "./helpers/board-test";
import { demoBoard } from "./helpers/standup-walk";

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

// 200 characters, with a word too long for any column among them.
const LONG_TITLE =
  `As a payments operator I want every settlement report to list each rejected transfer with its reason, ` +
  `amount and counterparty so that I can chase them Supercalifragilisticexpialidociouslylongidentifier`;

/** A fresh 2-1-1 board with a card in each stage but Done, one of them titled with 200 characters. */
async function freshBoard(boardApi: BoardApi): Promise<TBoard> {
  const board = await boardApi.createBoard("Layout board");
  await boardApi.placeDemand(board, LONG_TITLE.slice(0, 200), { stage: "Selection" });
  await boardApi.placeDemand(board, "Second in the queue", { stage: "Selection" });
  for (const stage of ["Design", "Development", "Testing", "Release"]) {
    await boardApi.placeDemand(board, `Work in ${stage}`, { stage, checkAll: true });
  }
  return board;
}

test.describe.configure({ timeout: 90_000 });

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;
  test.describe(size, () => {
    test.use({ viewport });

    test(`[BOARD][LAYOUT]: at ${size} the demo board shows every stage without sideways scrolling`, async ({
      page,
    }, testInfo) => {
      await page.goto("/");
      const board = await demoBoard(page.request);
      await openBoardPatiently(page, board.id);
      const facts = await measureBoardLayout(page);
      await keepScreenshot(page, testInfo, `demo-board-${size}`);

      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
      expect(facts.stageHeadersOffScreen).toEqual([]);
      for (const lane of facts.lanes.filter((lane) => lane.empty))
        expect(lane.height).toBeLessThanOrEqual(48);
      expect(facts.standardStagesWithoutVisibleCard).toEqual([]);
    });

    test(`[BOARD][LAYOUT]: at ${size} a fresh board with a 200-character title keeps every stage on screen`, async ({
      page,
      boardApi,
    }, testInfo) => {
      const board = await freshBoard(boardApi);
      await openBoardPatiently(page, board.id);
      const facts = await measureBoardLayout(page);
      await keepScreenshot(page, testInfo, `fresh-board-${size}`);

      expect(facts.scrollWidth).toBeLessThanOrEqual(facts.innerWidth);
      expect(facts.stageHeadersOffScreen).toEqual([]);
      const empty = facts.lanes.filter((lane) => lane.empty);
      expect(empty.map((lane) => lane.name)).toEqual(["Expedite", "Defects"]);
      for (const lane of empty) expect(lane.height).toBeLessThanOrEqual(48);
      expect(facts.standardStagesWithoutVisibleCard).toEqual([]);

      // The long title is clamped to three lines, and shows whole when its card is focused.
      const title = page.getByRole("button", { name: LONG_TITLE.slice(0, 200) });
      await expect(title).toHaveAttribute("title", LONG_TITLE.slice(0, 200));
      const lineHeight = await title.evaluate((node) => Number.parseFloat(getComputedStyle(node).lineHeight));
      const clamped = (await title.boundingBox())?.height ?? 0;
      expect(clamped).toBeLessThanOrEqual(3 * lineHeight + 2);
      await title.focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      await expect.poll(async () => (await title.boundingBox())?.height ?? 0).toBeGreaterThan(clamped);
    });
  });
}
