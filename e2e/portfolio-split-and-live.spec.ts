import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { TBoard } from "@tideway/contracts";
import { type BoardApi, stageNamed } from "./helpers/board-api";
import { card, cell, dragCardTo, expect, openBoard, test } from "./helpers/board-test";

/** Ticks every criterion of the team's product demand titled `title`, then moves it to `stage`. */
async function advance(boardApi: BoardApi, team: TBoard, title: string, stage: string): Promise<void> {
  const board = await boardApi.board(team.id);
  const demand = board.demands.find((candidate) => candidate.title === title);
  if (!demand) throw new Error(`${title} is not on ${team.name}`);
  for (const criterion of board.criteria) await boardApi.check(demand.id, criterion.id);
  await boardApi.move(demand.id, stageNamed(board, stage).id);
}

async function openPortfolio(page: Page, portfolioId: string): Promise<void> {
  await page.goto(`/portfolios/${portfolioId}`);
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
  await expect(page.getByTestId("row-organisation")).toBeVisible();
}

test("[PORTFOLIO][LIVE]: a business demand split across two team boards shows a child's delivery on its card and the dashboard without reload", async ({
  page,
  boardApi,
  portfolios,
  browser,
  baseURL,
  demoSession,
}, testInfo) => {
  // Several pages, live updates and axe on a busy machine: three times the scaled budget.
  test.slow();
  const { portfolio, payments, mobile } = await portfolios.withPaymentsAndMobile("E2E retail", boardApi);
  const business = await boardApi.createDemand(portfolio.businessBoardId, "Pay by phone");

  // Split it from the portfolio page, one product demand on each team board.
  await openPortfolio(page, portfolio.id);
  const item = page.getByTestId("business-demand").filter({ hasText: "Pay by phone" });
  for (const [team, title] of [
    ["Payments team", "Card tokens"],
    ["Mobile team", "Pay button"],
  ] as const) {
    const form = item.getByRole("form", { name: "Split into a product demand" });
    await form.getByLabel("Team board").selectOption({ label: team });
    await form.getByLabel("Product demand").fill(title);
    await form.getByRole("button", { name: "Add product demand" }).click();
    await expect(item.getByText(title)).toBeVisible();
  }
  await expect(item.getByTestId("child-progress")).toContainText("0 of 2");
  await expect(item.getByTestId("team-progress")).toHaveText([
    "Mobile team: 0 of 1 delivered, 1 waiting",
    "Payments team: 0 of 1 delivered, 1 waiting",
  ]);
  await expect(page.getByTestId("constraint-conclusion")).toHaveText(
    "No committed work moved on the team boards in the last 14 days.",
  );

  // The teams start work: Mobile's child into Development, then Payments' into Design. Mobile's has
  // waited longer, so its Development is the constraint, whatever the clock says.
  await advance(boardApi, mobile, "Pay button", "Development");
  await advance(boardApi, payments, "Card tokens", "Design");
  const constraintRows = page.getByTestId("constraint-team");
  await expect(page.getByTestId("constraint-conclusion")).toContainText("Mobile team's Development");
  await expect(constraintRows.filter({ hasText: "Payments team" })).toContainText("Design");
  await expect(constraintRows.filter({ hasText: "Payments team" })).toContainText("1 in, 0 out");
  const throughput = page.getByTestId("portfolio-throughput");
  await expect(throughput.getByRole("listitem").filter({ hasText: "Payments team" })).toHaveText(
    "Payments team (0)",
  );
  const paymentsRow = page.getByTestId(`row-team-${payments.key}`);
  await expect(paymentsRow.getByTestId("tile-count").first()).toHaveText("0 delivered");

  // The business board's card, in a second tab of the same browser.
  const businessTab = await page.context().newPage();
  await openBoard(businessTab, portfolio.businessBoardId);
  const businessCard = card(businessTab, business.key);
  await expect(businessCard.getByTestId("child-progress")).toContainText("0 of 2");

  // Someone on the Payments team moves its child to Done in another browser context.
  const otherContext = await browser.newContext({ baseURL, storageState: demoSession });
  const other = await otherContext.newPage();
  try {
    await openBoard(other, payments.id);
    await dragCardTo(other, `${payments.key}-1`, cell(other, "Done"));
    await expect(cell(other, "Done").getByText(`${payments.key}-1`)).toBeVisible();
  } finally {
    await otherContext.close();
  }

  // The business card and every part of the dashboard follow, without a reload.
  await expect(businessCard.getByTestId("child-progress")).toContainText("1 of 2", { timeout: 5000 });
  await expect(businessCard.getByTestId("team-progress")).toContainText([
    "Mobile team: 0 of 1 delivered",
    "Payments team: 1 of 1 delivered",
  ]);
  await expect(item.getByTestId("child-progress")).toContainText("1 of 2", { timeout: 5000 });
  for (const row of [paymentsRow, page.getByTestId("row-organisation")]) {
    await expect(row.getByTestId("tile-count").first()).toHaveText("1 delivered");
    // One delivery is too few to call the goal met without saying so.
    await expect(row.getByTestId("tile-goal").first()).toHaveText(
      "✔ goal met (from 1 demand, fewer than 10: read with care)",
    );
  }
  await expect(throughput.getByRole("listitem").filter({ hasText: "Payments team" })).toHaveText(
    "Payments team (1)",
  );
  // This week's p85 appears at the end of the Payments line of the delivery trend (oldest week first).
  await expect(page.getByRole("img", { name: /^Delivery cycle time/ })).toHaveAttribute(
    "aria-label",
    /Payments team: (–, ){11}0(;|$)/,
  );
  await expect(constraintRows.filter({ hasText: "Payments team" })).toContainText("1 in, 1 out");
  await expect(page.getByTestId("constraint-conclusion")).toContainText("Mobile team's Development");
  await businessTab.screenshot({ path: testInfo.outputPath("business-board.png") });
  await page.screenshot({ path: testInfo.outputPath("portfolio.png"), fullPage: true });
  await businessTab.close();
});

test("[PORTFOLIO][LAYOUT]: the portfolio page fits 1280x800 and 1920x1080, reads at size and passes axe", async ({
  page,
  boardApi,
  portfolios,
}, testInfo) => {
  // Several pages, live updates and axe on a busy machine: three times the scaled budget.
  test.slow();
  const { portfolio, teams } = await portfolios.createWithTeams(
    "Layout portfolio",
    ["Payments team", "Mobile team", "Lending team"],
    boardApi,
  );
  // Each team has work in its committed stages and some delivered, so every chart has something to draw.
  const stagesByTeam = [
    ["Done", "Done", "Testing", "Development"],
    ["Done", "Development", "Design"],
    ["Done", "Done", "Done", "Testing"],
  ];
  for (const title of ["Pay by phone", "Instant loans"]) {
    await boardApi.createDemand(portfolio.businessBoardId, title);
  }
  const business = await boardApi.board(portfolio.businessBoardId);
  for (const [index, team] of teams.entries()) {
    for (const [number, stage] of (stagesByTeam[index] ?? []).entries()) {
      const parent = business.demands[number % business.demands.length];
      if (!parent) throw new Error("the business board has no demands");
      const child = await portfolios.split(parent.id, team.id, `${parent.title}: part ${number + 1}`);
      await advance(boardApi, team, child.title, stage);
    }
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await openPortfolio(page, portfolio.id);
    await expect(page.getByTestId("business-demand")).toHaveCount(2);
    await expect(page.getByTestId("constraint-conclusion")).toContainText("Work waits longest in");
    await expect(page.locator(".portfolio-trend .recharts-line")).toHaveCount(3 * 4);
    // Nothing wider than the screen: no page scrollbar, and every panel of the dashboard inside it.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const part of await page.locator(".portfolio-tiles, .portfolio-panel, .portfolio-trend").all()) {
      const box = await part.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= viewport.width, (await part.textContent()) ?? "").toBe(
        true,
      );
    }
    // Readable: the tiles' numbers large, the charts' axis labels and keys at least 12 px.
    const fontSize = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(await fontSize(".portfolio-tile-p85 strong")).toBeGreaterThanOrEqual(16);
    expect(await fontSize(".portfolio-trend .recharts-cartesian-axis-tick-value")).toBeGreaterThanOrEqual(12);
    expect(await fontSize(".portfolio-chart-key li")).toBeGreaterThanOrEqual(12);
    expect(await fontSize(".portfolio-constraint-sentence")).toBeGreaterThanOrEqual(16);
    await page.screenshot({
      path: testInfo.outputPath(`portfolio-${viewport.width}x${viewport.height}.png`),
      fullPage: true,
    });
  }
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))).toEqual(
    [],
  );
});
