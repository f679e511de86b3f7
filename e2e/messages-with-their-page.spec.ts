import type { Page } from "@playwright/test";
import english from "../apps/web/src/i18n/en.json" with { type: "json" };
import { BoardApi } from "./helpers/board-api";
import { expect, test } from "./helpers/board-test";
import { signUpByInvitation } from "./helpers/new-person";

/** Every message id: a page that shows one shows a word it does not have. */
const MESSAGE_IDS = Object.keys(english);

async function messageIdsShown(page: Page): Promise<string[]> {
  const text = (await page.locator("body").textContent()) ?? "";
  return MESSAGE_IDS.filter((id) => text.includes(id));
}

async function chooseLanguage(page: Page, menuName: RegExp, language: string | RegExp): Promise<void> {
  await page.getByRole("button", { name: menuName }).click();
  await page.getByRole("radio", { name: language }).click();
}

// Each page brings its own messages (docs/decisions/016): the dashboard's and the settings'
// words are not on the board's first page, and arrive in the language shown.
test("[I18N][PAGE-MESSAGES]: pages loaded later show their own words, and switching language there redraws them without a reload", async ({
  browser,
  baseURL,
}) => {
  // A person of their own, so the language saved on the account is not the shared demo account's.
  const context = await browser.newContext({
    locale: "en-US",
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  try {
    const person = {
      name: "Ada Words",
      email: `words-${Date.now()}@tideway.local`,
      password: "a long enough password",
    };
    await signUpByInvitation(page.request, baseURL ?? "", person);
    const board = await new BoardApi(page.request, baseURL ?? "").createBoard("Words");

    await page.goto(`/boards/${board.id}`);
    await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    await page.getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Words 2-1-1 dashboard" })).toBeVisible();
    expect(await messageIdsShown(page)).toEqual([]);

    await chooseLanguage(page, /language and sign out/, "简体中文");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { name: "Words 2-1-1 仪表盘" })).toBeVisible();
    expect(await messageIdsShown(page)).toEqual([]);

    // The settings page first loads in Chinese; its English words arrive with it.
    await page.getByRole("link", { name: "返回看板" }).click();
    await page.getByRole("link", { name: "设置" }).click();
    await expect(page.getByRole("heading", { name: "Words 设置" })).toBeVisible();
    expect(await messageIdsShown(page)).toEqual([]);

    await chooseLanguage(page, /语言与退出登录/, /English/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { name: "Words settings" })).toBeVisible();
    expect(await messageIdsShown(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  } finally {
    await context.close();
  }
});
