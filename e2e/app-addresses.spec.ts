import { openBoardPatiently } from "./helpers/board-layout";
import { expect, test } from "./helpers/board-test";

// The router (wouter, docs/decisions/018): what an address opens, what Back does, and what a
// query string says, as they were with react-router. Several page loads on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("[ROUTES]: a signed-out deep link goes to sign-in and back to the same address, query and all", async ({
  page,
  boardApi,
  browser,
  baseURL,
}) => {
  const board = await boardApi.createBoard(`Deep link ${Date.now()}`);
  const deepLink = `/boards/${board.id}/dashboard?days=7`;
  const signIn = `/sign-in?next=${encodeURIComponent(deepLink)}`;

  const signedOut = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const visitor = await signedOut.newPage();
    await visitor.goto(deepLink);
    await expect(visitor.getByRole("heading", { name: "Sign in to Tideway" })).toBeVisible();
    expect(new URL(visitor.url()).pathname + new URL(visitor.url()).search).toBe(signIn);
  } finally {
    await signedOut.close();
  }

  // Someone with a session who follows that sign-in address goes straight on.
  await page.goto(signIn);
  await expect(page.getByRole("heading", { name: `${board.name} 2-1-1 dashboard` })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(deepLink);
});

test("[ROUTES]: links and Back walk the board list, a board and its dashboard, and a link to the page shown adds no step", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard(`Walk ${Date.now()}`);
  const boards = page.getByRole("heading", { name: "Boards" });
  await page.goto("/");
  await page.getByRole("link", { name: `${board.key} ${board.name}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/boards/${board.id}$`));
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: `${board.name} 2-1-1 dashboard` })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/boards/${board.id}$`));
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
  await page.goBack();
  await expect(boards).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/boards/${board.id}$`));
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });

  // "Tideway" twice: the second click is on the page shown, so Back still returns to the board.
  const brand = page.getByRole("link", { name: "Tideway" });
  await brand.click();
  await expect(boards).toBeVisible();
  await brand.click();
  await expect(boards).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/boards/${board.id}$`));
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
});

test("[ROUTES]: a board filter with a percent sign in it reads as typed and survives another filter's change", async ({
  page,
  boardApi,
}) => {
  const board = await boardApi.createBoard(`Percent ${Date.now()}`);
  await openBoardPatiently(page, board.id, `?q=${encodeURIComponent("%41")}`);
  const search = page.getByRole("searchbox", { name: "Search cards by key or title" });
  await expect(search).toHaveValue("%41");

  await page.getByLabel("Blocked").click();
  await expect(page).toHaveURL(/[?&]blocked=1/);
  expect(new URL(page.url()).searchParams.get("q")).toBe("%41");
  await page.reload();
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
  await expect(search).toHaveValue("%41");
  await expect(page.getByLabel("Blocked")).toBeChecked();
});
