import type { Locator, Page } from "@playwright/test";

/**
 * Drags a card with the mouse onto a target, in small steps as a person would
 * (dnd-kit starts a drag after a few pixels and follows pointer moves).
 * Shared by the browser tests and the board page benchmark.
 */
export async function dragWithMouse(
  page: Page,
  from: Locator,
  target: Locator,
  { steps = 20, restMs = 0 }: { steps?: number; restMs?: number } = {},
): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const start = await from.boundingBox();
  const to = await target.boundingBox();
  if (!start) throw new Error("the dragged card is not on screen");
  if (!to) throw new Error("the target is not on screen");
  const startX = start.x + 24;
  const startY = start.y + 12;
  const endX = to.x + to.width / 2;
  const endY = to.y + Math.min(to.height / 2, 40);
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 10, startY + 10, { steps: 4 });
  await page.mouse.move(endX, endY, { steps });
  await page.mouse.move(endX, endY + 2, { steps: 2 });
  // A hand that rests over the target before letting go: anything that scrolls the board
  // under a still pointer (auto-scroll) would move the drop elsewhere.
  if (restMs > 0) await page.waitForTimeout(restMs);
  await page.mouse.up();
}
