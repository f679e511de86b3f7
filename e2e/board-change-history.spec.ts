import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { stageNamed } from "./helpers/board-api";
import { expect, test } from "./helpers/board-test";

// The demo user's name, as the history names the person who made a change.
const ADMIN = "Demo Lead";

function changeHistory(page: Page) {
  return page.getByRole("region", { name: "Change history", exact: true }).getByRole("listitem");
}

/** A settings change made outside this page (another admin, another tab), straight through the API. */
async function patchStage(page: Page, boardId: string, stageId: string, body: object): Promise<void> {
  const response = await page.request.patch(`/api/boards/${boardId}/stages/${stageId}`, {
    data: body,
    headers: { origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(200);
}

test("[SETTINGS][HISTORY]: renaming a stage and changing its WIP limit read as two sentences, newest first", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Audited board");
  await page.goto(`/boards/${board.id}/settings`);
  await expect(page.getByRole("heading", { name: "Change history", exact: true })).toBeVisible();
  await expect(page.getByText("No changes yet.")).toBeVisible();

  const testing = page.getByRole("form", { name: "Stage Testing" });
  await testing.getByLabel("Name").fill("Verification");
  await testing.getByRole("button", { name: "Save" }).click();
  const verification = page.getByRole("form", { name: "Stage Verification" });
  await verification.getByLabel("WIP limit").fill("4");
  await verification.getByRole("button", { name: "Save" }).click();

  await expect(changeHistory(page)).toHaveText([
    `${ADMIN} changed Verification's WIP limit from 5 to 4 · now`,
    `${ADMIN} renamed the stage Testing to Verification · now`,
  ]);
  const newest = changeHistory(page).first().locator("time");
  const at = Date.parse((await newest.getAttribute("datetime")) ?? "");
  expect(Math.abs(Date.now() - at)).toBeLessThan(60_000);
  expect(await newest.getAttribute("title")).toContain(String(new Date(at).getFullYear()));
});

test("[SETTINGS][HISTORY]: older changes page in from the keyboard, and a change made elsewhere shows on top live", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard("Long change history");
  const testing = stageNamed(board, "Testing");
  await page.goto("/");
  // 21 changes: one more than the first page shows.
  for (let limit = 6; limit <= 26; limit++) await patchStage(page, board.id, testing.id, { wipLimit: limit });

  await page.goto(`/boards/${board.id}/settings`);
  const items = changeHistory(page);
  // 22 changes take more than a minute on a busy machine, so the older ones may no longer
  // read "now": this test checks paging and live updates, ui/format.test.ts the wording.
  await expect(items).toHaveCount(20);
  await expect(items.first()).toContainText(`${ADMIN} changed Testing's WIP limit from 25 to 26 · `);
  await expect(items.last()).toContainText(`${ADMIN} changed Testing's WIP limit from 6 to 7 · `);
  expect((await new AxeBuilder({ page }).include("main").analyze()).violations).toEqual([]);

  const showOlder = page.getByRole("button", { name: "Show older changes" });
  await showOlder.focus();
  await page.keyboard.press("Enter");
  await expect(items).toHaveCount(21);
  await expect(items.last()).toContainText(`${ADMIN} changed Testing's WIP limit from 5 to 6 · `);
  await expect(items.last()).toBeFocused();
  await expect(showOlder).toHaveCount(0);

  await patchStage(page, board.id, testing.id, { name: "QA" });
  await expect(items.first()).toContainText(`${ADMIN} renamed the stage Testing to QA · `);
  await expect(items).toHaveCount(22);
});
