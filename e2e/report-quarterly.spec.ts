import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./helpers/board-test";
import { demoBoardId } from "./helpers/dashboard-demo";

test("[REPORT]: the quarterly 2-1-1 report renders, prints without controls and downloads as CSV", async ({
  page,
}) => {
  const boardId = await demoBoardId(page.request);
  await page.goto(`/boards/${boardId}/dashboard`);
  await page.getByRole("link", { name: "Quarterly 2-1-1 report" }).click();
  await expect(page).toHaveURL(new RegExp(`/boards/${boardId}/report$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("the 2-1-1 goal by quarter");

  const board = page.getByRole("table", { name: "Whole board" });
  const quarters = board.locator("tbody tr");
  await expect(quarters.first()).toBeVisible();
  // The demo holds 90 days of history: its quarters up to the current one, which is marked as running.
  await expect(quarters.last()).toContainText("(so far)");
  await expect(board).toContainText(/p85 [\d.]+ (days|hours|min)/);
  await expect(board).toContainText("within target");
  for (const lane of ["Expedite", "Standard", "Defects"]) {
    await expect(page.getByRole("table", { name: `Swim lane: ${lane}` })).toBeVisible();
  }

  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("PAY-2-1-1-by-quarter.csv");
  const lines = (await readFile(await download.path(), "utf8"))
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  expect(lines[0]).toContain("Delivery p85 (days)");
  // A line per quarter for the board and for each of the three lanes.
  expect(lines).toHaveLength(1 + 4 * (await quarters.count()));

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.locator(".app-bar")).toBeHidden();
  await expect(board).toBeVisible();
});
