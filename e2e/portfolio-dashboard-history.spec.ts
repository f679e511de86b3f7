import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Locator } from "@playwright/test";
import { expect, test } from "./helpers/board-test";
import { withTwelveWeeksOfHistory } from "./helpers/portfolio-history";

const TEAMS = ["Payments team", "Mobile team", "Lending team"];
const BUSINESS_DEMANDS = ["Pay by phone", "Instant loans", "Open banking", "Card controls"];
const CHILDREN_PER_TEAM = 12;

/** How many weeks of the line named `series` in a trend chart's description have a value. */
async function weeksWithValues(chart: Locator, series: string): Promise<number> {
  const label = (await chart.getAttribute("aria-label")) ?? "";
  const values = label.split(`${series}: `)[1]?.split(";")[0]?.split(", ") ?? [];
  return values.filter((value) => value !== "–").length;
}

test("[PORTFOLIO][TRENDS]: a portfolio imported with 12 weeks of history draws its trends, throughput and constraint week by week", async ({
  page,
  boardApi,
  portfolios,
}, testInfo) => {
  // Several pages, live updates and axe on a busy machine: three times the scaled budget.
  test.slow();
  const { portfolio, teams } = await portfolios.createWithTeams("Retail banking", TEAMS, boardApi);
  const parents = [];
  for (const title of BUSINESS_DEMANDS)
    parents.push(await boardApi.createDemand(portfolio.businessBoardId, title));
  for (const team of teams) {
    for (let index = 0; index < CHILDREN_PER_TEAM; index++) {
      const parent = parents[index % parents.length];
      if (parent) await portfolios.split(parent.id, team.id, `${parent.title}: part ${index + 1}`);
    }
  }
  // The history ends at the moment the test runs, so the dashboard's default window holds it whatever the date.
  const history = withTwelveWeeksOfHistory(await portfolios.export(portfolio.id), Date.now());
  const imported = await portfolios.import(history, "H");

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(`/portfolios/${imported.portfolioId}`);
    await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
    const delivery = page.getByRole("img", { name: /^Delivery cycle time/ });
    await expect(delivery).toBeVisible();
    // Ten deliveries per team spread over 11 weeks: most weeks have a p85, for every team and overall.
    for (const series of ["Organisation", ...TEAMS]) {
      expect(await weeksWithValues(delivery, series), series).toBeGreaterThanOrEqual(6);
    }
    const throughput = page.getByTestId("portfolio-throughput");
    for (const team of TEAMS) {
      await expect(throughput.getByRole("listitem").filter({ hasText: team })).toHaveText(`${team} (10)`);
    }
    // The team whose work in progress sits longest (Lending's Testing, 13 days) is the constraint.
    await expect(page.getByTestId("constraint-conclusion")).toContainText("Lending team's Testing");
    await expect(page.getByTestId("constraint-team")).toHaveCount(3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const screenshot = testInfo.outputPath(`portfolio-${viewport.width}x${viewport.height}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    // `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes the README's pictures.
    if (process.env.UPDATE_SCREENSHOTS) {
      const name =
        viewport.width === 1280 ? "portfolio.png" : `portfolio-${viewport.width}x${viewport.height}.png`;
      const kept = path.join(testInfo.config.rootDir, "..", "docs", "screenshots", name);
      await mkdir(path.dirname(kept), { recursive: true });
      await copyFile(screenshot, kept);
    }
  }
});
