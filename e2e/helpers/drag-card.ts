import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Drags a card with the mouse onto a target, in small steps as a person would
 * (dnd-kit starts a drag after a few pixels and follows pointer moves).
 * Shared by the browser tests and the board page benchmark.
 */
export async function dragWithMouse(
  page: Page,
  from: Locator,
  target: Locator,
  { steps = 20, rest = false }: { steps?: number; rest?: boolean } = {},
): Promise<void> {
  await pickUp(page, from);
  const to = await target.boundingBox();
  if (!to) throw new Error("the target is not on screen");
  const endX = to.x + to.width / 2;
  // The upper part of the target: over a card that means "take its place", and a point
  // near a card's middle would leave above-or-below to a pixel of layout.
  const endY = to.y + Math.min(to.height / 3, 40);
  await page.mouse.move(endX, endY, { steps });
  await page.mouse.move(endX, endY + 2, { steps: 2 });
  // A hand that rests over the target before letting go: anything that scrolls the board
  // under a still pointer (auto-scroll) would move the drop elsewhere.
  if (rest) await restUntilStill(target);
  await page.mouse.up();
}

/** How close to the window's edge a person pushes the pointer to make the board scroll. */
const EDGE_PUSH_PX = 4;
/** Where the target counts as reachable: far enough from the edges that resting on it scrolls nothing. */
const REACHABLE_MARGIN_PX = 80;

/**
 * Drags with the mouse to a target that may be off-screen, as a person does:
 * the pointer goes to the window's edge on the target's side and waits there
 * while the board scrolls, then moves onto the target, rests and lets go.
 * Pressing and stepping are as in dragWithMouse.
 */
export async function dragAcrossTheBoard(
  page: Page,
  from: Locator,
  target: Locator,
  { pushLimit = 60 }: { pushLimit?: number } = {},
): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("the page has no viewport size");
  let { x, y } = await pickUp(page, from);
  for (let push = 0; ; push++) {
    const to = await target.boundingBox();
    if (!to) throw new Error("the target is not laid out");
    const aimX = to.x + to.width / 2;
    const aimY = to.y + Math.min(to.height / 2, 40);
    const edgeX =
      aimX > viewport.width - REACHABLE_MARGIN_PX
        ? viewport.width - EDGE_PUSH_PX
        : aimX < REACHABLE_MARGIN_PX
          ? EDGE_PUSH_PX
          : null;
    const edgeY = aimY > viewport.height - REACHABLE_MARGIN_PX ? viewport.height - EDGE_PUSH_PX : null;
    if (edgeX === null && edgeY === null) {
      await page.mouse.move(aimX, aimY, { steps: 20 });
      await page.mouse.move(aimX, aimY + 2, { steps: 2 });
      break;
    }
    if (push >= pushLimit) throw new Error("the board never scrolled the target into reach");
    const nextX =
      edgeX ?? Math.min(Math.max(aimX, REACHABLE_MARGIN_PX), viewport.width - REACHABLE_MARGIN_PX);
    const nextY =
      edgeY ?? Math.min(Math.max(aimY, REACHABLE_MARGIN_PX), viewport.height - REACHABLE_MARGIN_PX);
    if (nextX !== x || nextY !== y) await page.mouse.move(nextX, nextY, { steps: 10 });
    x = nextX;
    y = nextY;
    // A still pointer at the edge: the board keeps scrolling without pointer events. Wait
    // until it has (the target moved on screen), not for a span of time.
    await expect
      .poll(async () => {
        const now = await target.boundingBox();
        return now ? [now.x, now.y] : null;
      })
      .not.toEqual([to.x, to.y]);
  }
  await restUntilStill(target);
  await page.mouse.up();
}

/**
 * Waits, with the pointer still, until the target stops moving on screen: auto-scroll and
 * the board making room for the dragged card move it. Two equal readings of its place in a
 * row are the barrier (not a span of time), so the drop lands where the pointer rests.
 */
async function restUntilStill(target: Locator): Promise<void> {
  let previous = "";
  await expect
    .poll(async () => {
      const place = JSON.stringify(await target.boundingBox());
      const still = place === previous;
      previous = place;
      return still;
    })
    .toBe(true);
}

/** Presses on a card and moves a few pixels, which starts dnd-kit's drag; returns where the pointer is. */
async function pickUp(page: Page, from: Locator): Promise<{ x: number; y: number }> {
  await from.scrollIntoViewIfNeeded();
  const start = await from.boundingBox();
  if (!start) throw new Error("the dragged card is not on screen");
  const x = start.x + 24;
  const y = start.y + 12;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 10, { steps: 4 });
  return { x: x + 10, y: y + 10 };
}
