import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";
import type { TBoardSummary } from "@tideway/contracts";

/** The seeded demo board ("PAY"), which dashboard tests read only for what holds at any hour. */
export async function demoBoardId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/boards");
  expect(response.ok(), `GET /api/boards answered ${response.status()}`).toBe(true);
  const { boards } = (await response.json()) as { boards: TBoardSummary[] };
  const board = boards.find((candidate) => candidate.key === "PAY");
  if (!board) throw new Error("the demo board PAY is not seeded");
  return board.id;
}

/** Opens a board's dashboard and waits until its numbers are shown and its live connection is up. */
export async function openDashboard(page: Page, boardId: string, search = ""): Promise<void> {
  await page.goto(`/boards/${boardId}/dashboard${search}`);
  // The first answer computes the tiles, their 12-week trends and every chart over the demo's
  // history (hundreds of demands); with another browser test running beside it on a 2-core CI
  // machine it once took over the default 5 s (its page, shown at the failure, had the tiles).
  await expect(page.getByTestId("tile-delivery")).toBeVisible({ timeout: 20_000 });
  // The room's join answer is handled on the page's main thread, after it has drawn the charts
  // that arrived with the tiles: under load that took over 5 s too (pinned runs, load 13).
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible({ timeout: 15_000 });
}

/** A whole number shown on the dashboard (a tile's count, a week's throughput). */
export async function shownNumber(locator: Locator): Promise<number> {
  const text = ((await locator.textContent()) ?? "").trim();
  const value = Number(text.replace(/[^\d.]/g, ""));
  if (text === "" || Number.isNaN(value)) throw new Error(`"${text}" is not a number`);
  return value;
}
