import type { Locator } from "@playwright/test";
import type { TBoard, TMetrics } from "@tideway/contracts";
import { inProgressStages, orderStages, SECONDS_PER_HOUR } from "@tideway/domain";
import { card, expect, openBoard, test } from "./helpers/board-test";
import { demoBoardId, openDashboard } from "./helpers/dashboard-demo";

test("[INSIGHTS][SLE]: cards past the p50 and the p85 carry alert badges, and the bell lists the alerts", async ({
  page,
}) => {
  const boardId = await demoBoardId(page.request);
  const response = await page.request.get(`/api/boards/${boardId}/metrics`);
  expect(response.ok()).toBe(true);
  const { aging, serviceLevelExpectation: sle } = (await response.json()) as TMetrics;
  const keysWith = (status: string) =>
    new Set(aging.filter((item) => item.status === status).map((item) => item.key));
  const pastP50 = keysWith("within-sle");
  const pastP85 = keysWith("beyond-sle");
  // The demo always has work past its p85; without it this test would prove nothing.
  expect(pastP85.size).toBeGreaterThan(0);

  // The page's clock is Playwright's, so the test can let time pass on the board without a reload.
  await page.clock.install();
  await openBoard(page, boardId);
  const p85Badges = page.locator('[data-sle="p85"]');
  await expect(p85Badges.first()).toHaveText(/^Past SLE p85 \([\d.]+d\)$/);
  const keyOf = (badge: Locator) =>
    badge.locator("xpath=ancestor::li[@data-demand-key]").getAttribute("data-demand-key");
  for (const badge of await p85Badges.all()) expect(pastP85).toContain(await keyOf(badge));
  for (const badge of await page.locator('[data-sle="p50"]').all())
    expect(pastP50).toContain(await keyOf(badge));

  // The oldest card still within its p50 (shown on the board) crosses it once its age passes the p50.
  const p50 = sle.p50 ?? 0;
  const p85 = sle.p85 ?? 0;
  const youngest = aging
    .filter((item) => item.status === "within-p50" && p85 - item.age > 2 * SECONDS_PER_HOUR)
    .sort((a, b) => b.age - a.age);
  let crossing: (typeof youngest)[number] | undefined;
  for (const item of youngest) {
    if ((await card(page, item.key).count()) > 0) {
      crossing = item;
      break;
    }
  }
  if (!crossing) throw new Error("no card on the demo board is within its p50");
  const crossingCard = card(page, crossing.key);
  await expect(crossingCard.locator("[data-sle]")).toHaveCount(0);
  await page.clock.fastForward((p50 - crossing.age + SECONDS_PER_HOUR) * 1000);
  await expect(crossingCard.locator('[data-sle="p50"]')).toHaveText(/^Past p50 \([\d.]+d\)$/);

  // The API's sweep runs a few seconds after start-up; the bell fills in live.
  const bell = page.getByRole("button", { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible({ timeout: 20_000 });
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Notifications" });
  await expect(panel).toBeVisible();
  const aP85Key = [...pastP85][0] as string;
  await expect(panel.getByRole("listitem").filter({ hasText: aP85Key }).first()).toContainText(
    "Past the SLE",
  );

  await panel.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
});

test("[INSIGHTS][DASHBOARD]: the stuck-flow and WIP advice panels show their numbers", async ({ page }) => {
  const boardId = await demoBoardId(page.request);
  await openDashboard(page, boardId);

  const stuck = page.getByTestId("chart-stuck-flow");
  await expect(stuck).toBeVisible();
  await expect(stuck.getByTestId("stuck-flow-conclusion")).toContainText(
    /Work waits longest in [\w ]+ \(p85 [\d.]+ (days|hours)/,
  );
  // The evidence behind the sentence: time in stage and arrivals vs departures, per committed stage.
  await stuck.getByRole("button", { name: /^Table view/ }).click();
  const stuckRows = stuck.getByRole("table").locator("tbody tr");
  // One row per committed stage (commitment point up to delivery), whatever the demo board's stages.
  const board = (await (await page.request.get(`/api/boards/${boardId}`)).json()) as TBoard;
  await expect(stuckRows).toHaveCount(inProgressStages(orderStages(board.stages)).length);
  await expect(stuckRows.filter({ hasText: "Development" }).locator("td").nth(1)).toHaveText(/^\d+$/);

  const advice = page.getByTestId("chart-wip-advice");
  await expect(advice).toBeVisible();
  const development = advice.getByTestId("wip-advice-Development");
  // Current limit 8 from the template, then an advised limit computed from the demo's history.
  await expect(development.locator('[data-field="current"]')).toHaveText("8");
  await expect(development.locator('[data-field="advised"]')).toHaveText(/^\d+$/);
});

test("[INSIGHTS][SETTINGS]: stage rows show the advised WIP limit, and an admin sets the alert webhook", async ({
  page,
  boardApi,
}) => {
  const demoId = await demoBoardId(page.request);
  await page.goto(`/boards/${demoId}/settings`);
  const development = page.getByRole("form", { name: "Stage Development" });
  await expect(development.getByTestId("wip-advice-hint")).toHaveText(/^Advised: \d+$/);
  // Advice only: the limit field still holds the board's own limit.
  await expect(development.getByLabel("WIP limit")).toHaveValue("8");

  const board = await boardApi.createBoard("Alert webhook");
  await page.goto(`/boards/${board.id}/settings`);
  const form = page.getByRole("form", { name: "Alert webhook" });
  await form.getByLabel("Alert webhook URL").fill("ftp://alerts.example.test/hook");
  await form.getByRole("button", { name: "Save alert webhook" }).click();
  await expect(page.getByRole("status").filter({ hasText: "http:// or https://" })).toBeVisible();
  await form.getByLabel("Alert webhook URL").fill("https://alerts.example.test/hook");
  await form.getByRole("button", { name: "Save alert webhook" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Alert webhook saved." })).toBeVisible();
  await expect(page.getByTestId("alert-webhook-secret")).toHaveText(/^[0-9a-f]{64}$/);
});
