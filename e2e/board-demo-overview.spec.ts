import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./helpers/board-test";
import { demoBoard } from "./helpers/standup-walk";

test.use({ viewport: { width: 1600, height: 1000 } });

test("[BOARD]: the seeded demo board shows its stages, lanes, WIP counts and cards", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const board = await demoBoard(page.request);
  await page.goto(`/boards/${board.id}`);
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
  for (const stage of board.stages) {
    await expect(page.locator(`.stage-header[data-stage="${stage.name}"]`)).toBeVisible();
  }
  const inProgress = board.demands.find((demand) => demand.stageId === board.stages[2]?.id);
  if (inProgress) await expect(page.locator(`li[data-demand-key="${inProgress.key}"]`)).toBeVisible();

  const screenshot = testInfo.outputPath("board.png");
  await page.screenshot({ path: screenshot });
  // `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes the README's pictures.
  if (process.env.UPDATE_SCREENSHOTS) {
    const kept = path.join(testInfo.config.rootDir, "..", "docs", "screenshots", "board.png");
    await mkdir(path.dirname(kept), { recursive: true });
    await copyFile(screenshot, kept);
  }
});
