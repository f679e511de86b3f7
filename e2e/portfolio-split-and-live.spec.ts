import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { card, cell, dragCardTo, expect, openBoard, test } from "./helpers/board-test";
import { PortfolioApi } from "./helpers/portfolio-api";

// axe and three live pages take a while on a busy machine.
test.describe.configure({ timeout: 120_000 });

async function openPortfolio(page: Page, portfolioId: string): Promise<void> {
  await page.goto(`/portfolios/${portfolioId}`);
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
  await expect(page.getByTestId("row-organisation")).toBeVisible();
}

test("[PORTFOLIO][LIVE]: a business demand split across two team boards shows a child's delivery on its card and the dashboard without reload", async ({
  page,
  boardApi,
  browser,
  baseURL,
  demoSession,
}, testInfo) => {
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const portfolios = new PortfolioApi(page.request, baseURL);
  const { portfolio, payments } = await portfolios.withPaymentsAndMobile("E2E retail", boardApi);
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
  await expect(page.getByTestId(`row-team-${payments.key}`).getByTestId("tile-count").first()).toHaveText(
    "0 delivered",
  );

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

  await expect(businessCard.getByTestId("child-progress")).toContainText("1 of 2", { timeout: 5000 });
  await expect(businessCard.getByTestId("team-progress")).toContainText([
    "Mobile team: 0 of 1 delivered, 1 waiting",
    "Payments team: 1 of 1 delivered",
  ]);
  await expect(item.getByTestId("child-progress")).toContainText("1 of 2", { timeout: 5000 });
  await expect(page.getByTestId(`row-team-${payments.key}`).getByTestId("tile-count").first()).toHaveText(
    "1 delivered (fewer than 10: read with care)",
  );
  await expect(page.getByTestId("row-organisation").getByTestId("tile-count").first()).toHaveText(
    "1 delivered (fewer than 10: read with care)",
  );
  await businessTab.screenshot({ path: testInfo.outputPath("business-board.png") });
  const screenshot = testInfo.outputPath("portfolio.png");
  await page.screenshot({ path: screenshot, fullPage: true });
  // `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes the README's picture.
  if (process.env.UPDATE_SCREENSHOTS) {
    const kept = path.join(testInfo.config.rootDir, "..", "docs", "screenshots", "portfolio.png");
    await mkdir(path.dirname(kept), { recursive: true });
    await copyFile(screenshot, kept);
  }
  await businessTab.close();
});

test("[PORTFOLIO][LAYOUT]: the portfolio page fits 1280x800 and 1920x1080, reads at size and passes axe", async ({
  page,
  boardApi,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const portfolios = new PortfolioApi(page.request, baseURL);
  const { portfolio, teams } = await portfolios.createWithTeams(
    "Layout portfolio",
    ["Payments team", "Mobile team", "Lending team"],
    boardApi,
  );
  for (const title of ["Pay by phone", "Instant loans"]) {
    const demand = await boardApi.createDemand(portfolio.businessBoardId, title);
    for (const [index, team] of teams.entries()) {
      if (index < 2) await portfolios.split(demand.id, team.id, `${title}: part ${index + 1}`);
    }
  }

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await openPortfolio(page, portfolio.id);
    await expect(page.getByTestId("business-demand")).toHaveCount(2);
    // Nothing wider than the screen, and the tiles' numbers are large enough to read.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const table = await page.locator(".portfolio-tiles").boundingBox();
    expect(table && table.x >= 0 && table.x + table.width <= viewport.width).toBe(true);
    const fontSize = await page
      .locator(".portfolio-tile-p85 strong")
      .first()
      .evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
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
