import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { METRIC_DEFINITIONS } from "@tideway/contracts";
import { expect, test } from "./helpers/board-test";
import { demoBoardId, openDashboard, shownNumber } from "./helpers/dashboard-demo";

const CHARTS = [
  "scatter",
  "cfd",
  "aging",
  "throughput",
  "time-in-stage",
  "flow-efficiency",
  "stuck-flow",
  "wip-advice",
  "forecast-how-many",
  "forecast-when",
] as const;

// Half the charts per test: all ten in one took 25.8 s of Playwright's 30 s on a quiet machine.
const CHART_HALVES = [CHARTS.slice(0, 5), CHARTS.slice(5)] as const;

for (const charts of CHART_HALVES) {
  test(`[DASHBOARD]: every chart has a table view and a CSV download of the same numbers (${charts.join(", ")})`, async ({
    page,
  }) => {
    await openDashboard(page, await demoBoardId(page.request));
    await checkTableAndCsv(page, charts);
  });
}

test("[DASHBOARD]: the tiles' sparklines have a table view of the 12 trend weeks", async ({ page }) => {
  await openDashboard(page, await demoBoardId(page.request));
  await page.getByRole("button", { name: "Table view: 2-1-1 weekly trend" }).click();
  await expect(page.getByRole("table", { name: /2-1-1 weekly trend/ }).locator("tbody tr")).toHaveCount(12);
});

/** Each chart's table view, and its CSV download holding the table's header and one line per row. */
async function checkTableAndCsv(page: Page, charts: readonly (typeof CHARTS)[number][]): Promise<void> {
  for (const chart of charts) {
    const panel = page.getByTestId(`chart-${chart}`);
    const toggle = panel.getByRole("button", { name: /^Table view/ });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const table = panel.getByRole("table");
    await expect(table).toBeVisible();
    const headers = await table.locator("thead th").allTextContents();
    const rows = await table.locator("tbody tr").count();
    expect(rows, `${chart} has rows`).toBeGreaterThan(0);

    const downloading = page.waitForEvent("download");
    await panel.getByRole("button", { name: /^Download CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^PAY-.*-${chart}\\.csv$`));
    const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n").filter((line) => line !== "");
    expect(lines[0]?.split(",")).toEqual(
      headers.map((header) => (header.includes(",") ? `"${header}"` : header)),
    );
    expect(lines, `${chart}: a CSV line per table row`).toHaveLength(rows + 1);

    await toggle.click();
    await expect(table).toHaveCount(0);
  }
}

test("[DASHBOARD]: the window and the filters live in the URL, so a link reproduces the view", async ({
  page,
}) => {
  const boardId = await demoBoardId(page.request);
  await openDashboard(page, boardId);
  const last30 = await shownNumber(page.getByTestId("tile-delivery-count"));

  await page.getByRole("button", { name: "Last 90 days" }).click();
  await expect(page).toHaveURL(/[?&]days=90\b/);
  await expect.poll(() => shownNumber(page.getByTestId("tile-delivery-count"))).toBeGreaterThan(last30);
  await page.getByLabel("Lane").selectOption({ label: "Defects" });
  await expect(page).toHaveURL(/[?&]lane=[0-9a-f-]{36}\b/);
  await page.getByLabel("Type").selectOption("defect");
  await expect(page).toHaveURL(/[?&]type=defect\b/);
  await expect(page.locator(".dashboard-window")).toContainText("lane Defects");
  await expect(page.getByRole("main")).toHaveAttribute("aria-busy", "false");
  const filtered = await shownNumber(page.getByTestId("tile-delivery-count"));

  await page.reload();
  await expect(page.getByTestId("tile-delivery")).toBeVisible();
  await expect(page.getByRole("button", { name: "Last 90 days" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Lane")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByLabel("Type")).toHaveValue("defect");
  expect(await shownNumber(page.getByTestId("tile-delivery-count"))).toBeGreaterThanOrEqual(filtered);

  await page.getByLabel("From (UTC)").fill("2020-01-01");
  await expect(page).toHaveURL(/[?&]from=2020-01-01\b/);
  // Dates are in the viewer's locale (Playwright's browser speaks en-US).
  await expect(page.locator(".dashboard-window")).toContainText("Jan 1, 2020 – now (UTC)");
  await expect(page.getByRole("alert").filter({ hasText: "at most" })).toBeVisible();
});

test("[DASHBOARD]: every metric's definition opens and closes from the keyboard", async ({ page }) => {
  await openDashboard(page, await demoBoardId(page.request));
  await expect(page.getByRole("button", { name: /^About / })).toHaveCount(3 + CHARTS.length);

  const help = page.getByRole("button", { name: "About delivery cycle time" });
  await help.focus();
  await page.keyboard.press("Enter");
  await expect(help).toHaveAttribute("aria-expanded", "true");
  const note = page.getByRole("note").filter({ hasText: METRIC_DEFINITIONS.delivery });
  await expect(note).toBeVisible();
  await expect(note).toContainText("nearest-rank");
  await page.keyboard.press("Escape");
  await expect(note).toBeHidden();

  const throughputHelp = page.getByRole("button", { name: "About throughput per week" });
  await throughputHelp.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("note").filter({ hasText: METRIC_DEFINITIONS.throughput })).toBeVisible();
});
