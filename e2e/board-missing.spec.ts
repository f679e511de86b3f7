import { expect, test } from "./helpers/board-test";

// Two pages and two screenshot sizes per test, on a busy machine.
test.describe.configure({ timeout: 90_000 });

const MISSING = "This board does not exist or you are not a member";

for (const [what, boardId] of [
  ["a malformed board id", "not-a-board"],
  ["an unknown board id", "00000000-0000-4000-8000-000000000000"],
] as const) {
  test(`[BOARD][ERRORS]: ${what} in the address says the board does not exist, with a way back`, async ({
    page,
  }) => {
    for (const path of [`/boards/${boardId}`, `/boards/${boardId}/settings`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: MISSING })).toBeVisible();
      // Neither the validator's wording nor a connection status next to it.
      await expect(page.locator("main")).not.toContainText("params.boardId");
      await expect(page.locator(".live-status")).toHaveCount(0);
    }
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: test.info().outputPath(`missing-${viewport.width}.png`) });
    }
    await page.getByRole("link", { name: "Back to your boards" }).click();
    await expect(page.getByRole("heading", { name: "Boards" })).toBeVisible();
  });
}
