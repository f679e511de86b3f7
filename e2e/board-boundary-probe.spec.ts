import type { TMetrics } from "@tideway/contracts";
import { HOUR } from "@tideway/domain";
import { stageNamed } from "./helpers/board-api";
import { card, expect, openBoard, test } from "./helpers/board-test";
import { openDashboard } from "./helpers/dashboard-demo";
import { focusedCard, openStandup } from "./helpers/standup-walk";

/**
 * Issue 16's probe in the browser: with Design's commitment marker cleared,
 * the board's commitment point falls back to Design (the first stage that is
 * not a queue), so a demand moved into Design is committed everywhere: the
 * move's reply, the card's SLE badge, the dashboard's aging and the
 * stand-up's age. The board is made here, never read from the demo.
 */
test("[BOARD][BOUNDARIES]: with the commitment marker cleared, a card moved into Design ages on the board, the dashboard and the stand-up", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Boundary probe");
  await boardApi.updateStage(board.id, stageNamed(board, "Design").id, { boundary: null });
  // Two deliveries within seconds give a service level of seconds, so an hour-old card is past it.
  for (const title of ["Shipped one", "Shipped two"]) {
    await boardApi.placeDemand(board, title, { stage: "Done", checkAll: true });
  }
  const probe = await boardApi.placeDemand(board, "Probe", { stage: "Design", checkAll: true });
  expect(probe.committedAt).toBe(probe.enteredStageAt);

  const metrics = (await (await page.request.get(`/api/boards/${board.id}/metrics`)).json()) as TMetrics;
  expect(metrics.aging.map((item) => item.key)).toEqual([probe.key]);

  // The page's clock is Playwright's: an hour passes on the board without waiting for it.
  await page.clock.install();
  await openBoard(page, board.id);
  await page.clock.fastForward(HOUR);
  await expect(card(page, probe.key).locator("[data-sle]")).toHaveAttribute("data-sle", "p85");

  await openDashboard(page, board.id);
  // Two deliveries: the tile's verdict comes with the small-sample warning, never bare.
  await expect(page.getByTestId("tile-delivery-small-sample")).toContainText("read with care");
  const agingPanel = page.getByTestId("chart-aging");
  await agingPanel.getByRole("button", { name: /^Table view/ }).click();
  await expect(agingPanel.getByRole("table")).toContainText(probe.key);

  await openStandup(page, board.id);
  // Release, Testing and Development are empty; Design holds the probe.
  for (let stop = 0; stop < 3; stop++) await page.keyboard.press("ArrowRight");
  await expect(focusedCard(page)).toHaveAttribute("data-demand-key", probe.key);
  await page.clock.fastForward(HOUR);
  await expect(focusedCard(page).locator(".standup-age")).toHaveAttribute("data-age", "past-sle");
});
