import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { TestInfo } from "@playwright/test";
import { keepScreenshot, openBoardPatiently } from "./helpers/board-layout";
import { expect, test } from "./helpers/board-test";
import { demoBoard } from "./helpers/standup-walk";

/** `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes the README's pictures from the test's own. */
async function refreshReadmePicture(testInfo: TestInfo, screenshot: string, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  const kept = path.join(testInfo.config.rootDir, "..", "docs", "screenshots", `${name}.png`);
  await mkdir(path.dirname(kept), { recursive: true });
  await copyFile(screenshot, kept);
}

// A busy machine renders the demo's two hundred cards slowly.
test.describe.configure({ timeout: 90_000 });

const SHOTS = [
  { name: "board", viewport: { width: 1920, height: 1080 }, view: "standard" },
  { name: "board-projector", viewport: { width: 1920, height: 1080 }, view: "projector" },
  { name: "board-1280", viewport: { width: 1280, height: 800 }, view: "standard" },
] as const;

for (const shot of SHOTS) {
  test.describe(shot.name, () => {
    test.use({ viewport: shot.viewport });

    test(`[BOARD]: the seeded demo board shows its stages, lanes, WIP counts and cards (${shot.view}, ${shot.viewport.width}x${shot.viewport.height})`, async ({
      page,
    }, testInfo) => {
      await page.goto("/");
      const board = await demoBoard(page.request);
      await openBoardPatiently(page, board.id, `?view=${shot.view}`);
      for (const stage of board.stages) {
        await expect(page.locator(`.stage-header[data-stage="${stage.name}"]`)).toBeInViewport({ ratio: 1 });
      }
      const inProgress = board.demands.find((demand) => demand.stageId === board.stages[2]?.id);
      if (inProgress) await expect(page.locator(`li[data-demand-key="${inProgress.key}"]`)).toBeVisible();

      const screenshot = await keepScreenshot(page, testInfo, shot.name);
      await refreshReadmePicture(testInfo, screenshot, shot.name);
    });
  });
}
