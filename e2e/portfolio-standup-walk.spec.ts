import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { TBoard } from "@tideway/contracts";
import type { BoardApi } from "./helpers/board-api";
import { stageNamed } from "./helpers/board-api";
import { expect, test } from "./helpers/board-test";
import { PortfolioApi } from "./helpers/portfolio-api";
import { expectAt, expectedStops, focusedCard } from "./helpers/standup-walk";

// Two team boards, three business demands, four children and axe: room for a busy machine.
test.describe.configure({ timeout: 120_000 });

/** A child on a team board moved to Done, its criteria ticked as a team would before delivering. */
async function deliver(boardApi: BoardApi, team: TBoard, childId: string): Promise<void> {
  for (const criterion of team.criteria) await boardApi.check(childId, criterion.id);
  await boardApi.move(childId, stageNamed(team, "Done").id);
}

/**
 * A portfolio shaped for a business review: "Open banking" in Acceptance (no
 * children), "Pay by phone" in delivery split across both teams with the
 * Payments child delivered, "Instant loans" in Analysis split to Mobile, and
 * Selection empty.
 */
async function reviewPortfolio(page: Page, boardApi: BoardApi, baseURL: string) {
  const portfolios = new PortfolioApi(page.request, baseURL);
  const { portfolio, payments, mobile } = await portfolios.withPaymentsAndMobile("Retail review", boardApi);
  const business = await boardApi.board(portfolio.businessBoardId);
  await boardApi.placeDemand(business, "Open banking", { stage: "Acceptance", checkAll: true });
  const payByPhone = await boardApi.placeDemand(business, "Pay by phone", {
    stage: "In delivery",
    checkAll: true,
  });
  const loans = await boardApi.placeDemand(business, "Instant loans", { stage: "Analysis", checkAll: true });
  const tokens = await portfolios.split(payByPhone.id, payments.id, "Card tokens");
  await portfolios.split(payByPhone.id, mobile.id, "Pay button");
  await portfolios.split(loans.id, mobile.id, "Loan calculator");
  await deliver(boardApi, payments, tokens.id);
  return { portfolio, business: await boardApi.board(business.id), payByPhone, loans };
}

async function openBusinessReview(page: Page, portfolioId: string): Promise<void> {
  await page.goto(`/portfolios/${portfolioId}/standup`);
  await expect(page.locator('.standup[data-live="live"]')).toBeVisible();
  await expect(focusedCard(page)).toBeVisible();
}

const children = (page: Page) => focusedCard(page).getByRole("region", { name: "Product demands by team" });

test("[PORTFOLIO][STANDUP]: the business review walks the business demands right to left by keyboard, each with its children by team", async ({
  page,
  boardApi,
  baseURL,
}) => {
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const { portfolio, business, payByPhone, loans } = await reviewPortfolio(page, boardApi, baseURL);
  const stops = expectedStops(business);
  expect(stops).toEqual([
    { stage: "Acceptance", key: `${business.key}-1` },
    { stage: "In delivery", key: payByPhone.key },
    { stage: "Analysis", key: loans.key },
    { stage: "Selection", key: "" },
  ]);

  await page.goto(`/portfolios/${portfolio.id}`);
  await page.getByRole("link", { name: "Business review stand-up" }).click();
  await expect(page.locator('.standup[data-live="live"]')).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Business review: Retail review");
  await expectAt(page, stops[0] as (typeof stops)[number]);
  await expect(children(page)).toContainText("Not split into product demands yet.");

  await page.keyboard.press("ArrowRight");
  await expectAt(page, stops[1] as (typeof stops)[number]);
  await expect(children(page).getByTestId("child-progress")).toContainText(
    "1 of 2 product demands delivered",
  );
  await expect(children(page).getByTestId("team-progress")).toHaveText([
    "Mobile team: 0 of 1 delivered, 1 waiting",
    "Payments team: 1 of 1 delivered",
  ]);
  await expect(children(page).getByRole("list", { name: "Payments team product demands" })).toContainText(
    "Card tokens delivered",
  );

  await page.keyboard.press("Space");
  await expectAt(page, stops[2] as (typeof stops)[number]);
  await expect(children(page).getByTestId("team-progress")).toHaveText([
    "Mobile team: 0 of 1 delivered, 1 waiting",
  ]);
  await page.keyboard.press("PageDown");
  await expectAt(page, stops[3] as (typeof stops)[number]);

  // The same keys as the team stand-up: Up a stage, Home to the start, End to the summary, Esc out.
  await page.keyboard.press("ArrowUp");
  await expectAt(page, stops[2] as (typeof stops)[number]);
  await page.keyboard.press("PageUp");
  await expectAt(page, stops[1] as (typeof stops)[number]);
  await page.keyboard.press("Home");
  await expectAt(page, stops[0] as (typeof stops)[number]);
  await page.keyboard.press("ArrowDown");
  await expectAt(page, stops[1] as (typeof stops)[number]);
  await page.keyboard.press("End");
  await expect(page.getByRole("region", { name: "Stand-up summary" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/portfolios/${portfolio.id}$`));
});

test("[PORTFOLIO][STANDUP][LAYOUT]: the business review fits 1280x800 and 1920x1080, reads at size and passes axe", async ({
  page,
  boardApi,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const { portfolio, payByPhone } = await reviewPortfolio(page, boardApi, baseURL);
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await openBusinessReview(page, portfolio.id);
    await page.keyboard.press("ArrowRight");
    await expect(focusedCard(page)).toHaveAttribute("data-demand-key", payByPhone.key);
    await expect(children(page).getByTestId("team-progress")).toHaveCount(2);
    // Nothing wider than the screen; the card and its children on screen without scrolling.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const panel = await children(page).boundingBox();
    expect(panel && panel.x >= 0 && panel.x + panel.width <= viewport.width).toBe(true);
    expect(panel && panel.y + panel.height <= viewport.height).toBe(true);
    for (const text of [
      children(page).getByTestId("team-progress").first(),
      children(page).getByText("Card tokens"),
    ]) {
      const fontSize = await text.evaluate((element) =>
        Number.parseFloat(getComputedStyle(element).fontSize),
      );
      expect(fontSize).toBeGreaterThanOrEqual(16);
    }
    await page.screenshot({
      path: testInfo.outputPath(`portfolio-standup-${viewport.width}x${viewport.height}.png`),
    });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations
        .filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`),
    ).toEqual([]);
  }
});
