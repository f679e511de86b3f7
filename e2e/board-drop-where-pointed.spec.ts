import type { TDemand } from "@tideway/contracts";
import { laneNamed, stageNamed } from "./helpers/board-api";
import { card, cell, expect, openBoard, test } from "./helpers/board-test";
import { dragAcrossTheBoard, dragWithMouse } from "./helpers/drag-card";

// Several drags with pauses at the window's edge, on a busy machine.
test.describe.configure({ timeout: 120_000 });

const TARGETS = ["Design", "Development", "Testing", "Release", "Done"] as const;

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test("[BOARD][DRAG]: a mouse drag from the first stage into each of the other stages, the last included, lands in exactly that stage", async ({
      page,
      boardApi,
    }) => {
      const board = await boardApi.createBoard("Drops where pointed");
      const demands: TDemand[] = [];
      for (const target of TARGETS) {
        demands.push(
          await boardApi.placeDemand(board, `Bound for ${target}`, { stage: "Selection", checkAll: true }),
        );
      }

      await openBoard(page, board.id);
      for (const [index, target] of TARGETS.entries()) {
        const demand = demands[index];
        if (!demand) throw new Error("a demand per target");
        await page.evaluate(() => window.scrollTo(0, 0));
        await dragAcrossTheBoard(page, card(page, demand.key), cell(page, target));
        await expect(cell(page, target).getByText(demand.key)).toBeVisible();
        await expect(card(page, demand.key)).not.toHaveAttribute("data-moving");
      }

      const stored = await boardApi.board(board.id);
      for (const [index, target] of TARGETS.entries()) {
        const demand = stored.demands.find((d) => d.id === demands[index]?.id);
        expect(demand?.stageId, `${demands[index]?.key} went to ${target}`).toBe(
          stageNamed(board, target).id,
        );
      }
    });

    test("[BOARD][DRAG]: a reorder near the top of a long column stays in its lane", async ({
      page,
      boardApi,
    }) => {
      const board = await boardApi.createBoard("Long column");
      // The lane above holds a card in the same stage: a drop that scrolled up would land there.
      const expedited = await boardApi.placeDemand(board, "Expedited", {
        stage: "Selection",
        lane: "Expedite",
      });
      const standard: TDemand[] = [];
      for (let index = 1; index <= 24; index++) {
        standard.push(await boardApi.placeDemand(board, `Queued ${index}`, { stage: "Selection" }));
      }
      const [first, , , , , sixth] = standard;
      if (!first || !sixth) throw new Error("twenty-four demands");
      const keys = (lane: string) =>
        cell(page, "Selection", lane)
          .locator("li[data-demand-key]")
          .evaluateAll((items) => items.map((item) => item.getAttribute("data-demand-key")));

      await openBoard(page, board.id);
      // Scroll until the Standard lane's first card sits just under the sticky stage headers.
      const header = page.locator(".stage-header").first();
      const firstCard = card(page, first.key);
      const gapUnderHeader = async () => {
        const [h, c] = [await header.boundingBox(), await firstCard.boundingBox()];
        if (!h || !c) throw new Error("header and card are laid out");
        return c.y - (h.y + h.height);
      };
      // The header sticks once the page scrolls, so measure again after each step.
      await expect
        .poll(async () => {
          const gap = await gapUnderHeader();
          if (gap > 12) await page.evaluate((by) => window.scrollBy(0, by), gap - 8);
          return gapUnderHeader();
        })
        .toBeLessThanOrEqual(12);

      await dragWithMouse(page, card(page, sixth.key), firstCard, { rest: true });

      await expect
        .poll(() => keys("Standard"))
        .toEqual([sixth.key, ...standard.filter((d) => d !== sixth).map((d) => d.key)]);
      expect(await keys("Expedite")).toEqual([expedited.key]);
      await expect(card(page, sixth.key)).not.toHaveAttribute("data-moving");
      const stored = await boardApi.board(board.id);
      expect(stored.demands.find((d) => d.id === sixth.id)?.laneId).toBe(laneNamed(board, "Standard").id);
    });
  });
}

test("[BOARD][WIP]: hovering a full hard-limited cell says the drop will be refused, and after the drop the live region holds the refusal", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Full stage");
  // Testing has a hard WIP limit of 5 on a 2-1-1 board.
  for (let index = 1; index <= 5; index++) {
    await boardApi.placeDemand(board, `Already testing ${index}`, { stage: "Testing" });
  }
  const demand = await boardApi.placeDemand(board, "One too many", { stage: "Development", checkAll: true });
  const before = await boardApi.transitions(board.id);
  const announcer = page.locator('[id^="DndLiveRegion"]');

  await openBoard(page, board.id);
  const from = await card(page, demand.key).boundingBox();
  const to = await cell(page, "Testing").boundingBox();
  if (!from || !to) throw new Error("card and cell are on screen");
  await page.mouse.move(from.x + 24, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(from.x + 34, from.y + 22, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 20 });

  const testing = page.locator(".stage-cell", { has: cell(page, "Testing") });
  await expect(testing).toContainText("Full: will refuse");
  await expect(announcer).toContainText(`${demand.key} is over Testing, Standard lane. Full: will refuse`);
  // The card does not follow into a cell that will refuse it: the header still counts five.
  await expect(page.locator('.stage-header[data-stage="Testing"]')).toContainText("5 / 5");
  await page.screenshot({ path: test.info().outputPath("full-will-refuse.png") });

  await page.mouse.up();
  await expect(announcer).toContainText("Testing is at its WIP limit of 5.");
  await expect(announcer).not.toContainText("dropped in");
  await expect(testing).not.toContainText("Full: will refuse");
  await expect(cell(page, "Development").getByText(demand.key)).toBeVisible();
  await expect(cell(page, "Testing").getByText(demand.key)).toHaveCount(0);
  expect(await boardApi.transitions(board.id)).toHaveLength(before.length);
});
