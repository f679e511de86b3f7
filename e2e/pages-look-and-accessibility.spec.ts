import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, notices, test } from "./helpers/board-test";

// axe and screenshots at two sizes take a while on a busy machine.
test.describe.configure({ timeout: 180_000 });

/** axe's serious and critical findings: the ones a person using a screen reader or keyboard runs into. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => `${node.target.join(" ")} (${node.failureSummary})`).join(", ")}`,
    );
}

/** Nothing wider than the window, kept as a screenshot for a person to look at. */
async function looksRight(page: Page, name: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: false });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`[A11Y]: settings, dashboard and report have no serious or critical axe violations at ${viewport.width}x${viewport.height}`, async ({
    page,
    boardApi,
  }) => {
    await page.setViewportSize(viewport);
    const { board } = await boardApi.createBoardWithFlow("Accessible pages");

    await page.goto(`/boards/${board.id}/settings`);
    await expect(page.getByRole("form", { name: "Stage Design" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Delivery pipeline" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await looksRight(page, `settings-${viewport.width}`);

    await page.goto(`/boards/${board.id}/dashboard`);
    // The dashboard's numbers take a while on a busy machine.
    await expect(page.getByTestId("tile-delivery")).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("main")).toHaveAttribute("aria-busy", "false");
    expect(await seriousViolations(page)).toEqual([]);
    await looksRight(page, `dashboard-${viewport.width}`);

    await page.goto(`/boards/${board.id}/report`);
    await expect(page.getByRole("table", { name: "Whole board" })).toBeVisible({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await looksRight(page, `report-${viewport.width}`);
  });
}

test("[SETTINGS]: a checkbox keeps its size, and saving a stage row says so", async ({ page, boardApi }) => {
  const board = await boardApi.createBoard("Settings polish");
  await page.goto(`/boards/${board.id}/settings`);

  const releases = page.getByRole("checkbox", { name: /production release moves the demands/ });
  const box = await releases.boundingBox();
  expect(box?.width).toBeLessThan(30);

  const design = page.getByRole("form", { name: "Stage Design" });
  await design.getByLabel("Name").fill("Shaping");
  await design.getByRole("button", { name: "Save" }).click();
  await expect(notices(page)).toContainText("Stage Shaping saved.");
  await expect(page.getByRole("form", { name: "Stage Shaping" })).toBeVisible();
});

test("[BOARDS][LAYOUT]: the board list's sections stand apart, Portfolios as far from the card above as Import board", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Board list spacing");
  await page.goto("/");
  await expect(page.locator(`.board-list a[href='/boards/${board.id}']`)).toBeVisible();
  await expect(page.getByRole("form", { name: "Import board" })).toBeVisible();
  // One reading of the laid-out page, so nothing loading in between moves one box and not another.
  const { above, below } = await page.evaluate(() => {
    const box = (selector: string) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`the board list page has no ${selector}`);
      return element.getBoundingClientRect();
    };
    const [newBoard, portfolios, importBoard] = [
      box("form[aria-label='New board']"),
      box("section.portfolio-list"),
      box("form[aria-label='Import board']"),
    ];
    return { above: portfolios.top - newBoard.bottom, below: importBoard.top - portfolios.bottom };
  });
  // The heading does not touch the card above it, and the page keeps one rhythm between sections.
  expect(above).toBeGreaterThan(15);
  expect(Math.abs(above - below)).toBeLessThan(2);
  await looksRight(page, "board-list");
});
