import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import english from "../apps/web/src/i18n/en.json" with { type: "json" };
import { BoardApi } from "./helpers/board-api";
import { expect, test } from "./helpers/board-test";
import { signUpByInvitation } from "./helpers/new-person";

// Sign-in, five pages, axe and screenshots at two sizes take a while on a busy machine.
test.describe.configure({ timeout: 300_000 });

/** Words that stay as they are in Chinese: the brand and the method's own terms. */
const KEPT = new Set([
  "https",
  "Tideway",
  "WIP",
  "SLE",
  "p85",
  "p50",
  "CSV",
  "Markdown",
  "Space",
  "Enter",
  "Esc",
]);

/**
 * The literal English pieces of every catalogue message (placeholders,
 * plurals and tags cut out) that are long enough to mean something: two
 * words or more, or one word of five letters or more.
 */
const ENGLISH_PIECES = [
  ...new Set(
    Object.values(english as Record<string, string>).flatMap((message) =>
      message
        .replace(/\{[^{}]*\{[^{}]*\}[^{}]*\}/g, "|")
        .replace(/\{[^{}]*\}/g, "|")
        .replace(/<\/?\w+>/g, "|")
        .split(/[|(){}:;,.?!“”"…·→←]/)
        .map((piece) => piece.trim())
        .filter((piece) => /[a-z]{2}/.test(piece) && !KEPT.has(piece))
        .filter((piece) => piece.includes(" ") || piece.length >= 5),
    ),
  ),
];

/**
 * The visible text of the page that is not user data: text nodes whose
 * whole text is one of `userData` (board, stage, lane and card names the
 * test made in English) are left out, and so are brand names.
 */
async function englishLeft(page: Page, userData: readonly string[]): Promise<string[]> {
  const text = await page.evaluate((data) => {
    const skip = new Set(data);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const shown: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (!value || !parent || skip.has(value)) continue;
      if (parent.closest("script, style, [hidden], .visually-hidden, svg")) continue;
      const box = parent.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      shown.push(value);
    }
    return shown.join("\n");
  }, userData);
  // User data inside a longer sentence ("在 Development 停留 3 天") is cut out too.
  const withoutUserData = userData.reduce((left, data) => left.split(data).join("|"), text);
  return ENGLISH_PIECES.filter((piece) =>
    new RegExp(`(^|[^A-Za-z])${piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z])`).test(
      withoutUserData,
    ),
  );
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

/** The checks every page of the walk gets: Chinese `lang`, no English left, axe clean, a screenshot per size. */
async function checkPage(page: Page, name: string, userData: readonly string[]) {
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  expect(await englishLeft(page, userData), `English left on ${name}`).toEqual([]);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({
      path: `docs/screenshots/zh-CN-${name}-${size.width}x${size.height}.png`,
      fullPage: true,
    });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("[I18N]: a person whose browser prefers Chinese walks sign-in, board, card, dashboard, stand-up and report in Chinese", async ({
  browser,
  baseURL,
}) => {
  // A person of their own (signed out, browser preferring Chinese, no language saved
  // on the account), so the shared demo account other workers use stays in English.
  const context = await browser.newContext({
    locale: "zh-CN",
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  try {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "登录 Tideway" })).toBeVisible();
    await checkPage(page, "sign-in", []);

    const person = {
      name: "Lin Wei",
      email: `lin-${Date.now()}@tideway.local`,
      password: "a long enough password",
    };
    await signUpByInvitation(page.request, baseURL ?? "", person);
    const boardApi = new BoardApi(page.request, baseURL ?? "");
    const board = await boardApi.createBoard("Chinese walk");
    const shipped = await boardApi.placeDemand(board, "Delivered one", { stage: "Done", checkAll: true });
    const building = await boardApi.placeDemand(board, "Being built", {
      stage: "Development",
      checkAll: true,
    });
    const userData = [
      board.name,
      board.key,
      ...board.stages.map((stage) => stage.name),
      ...board.lanes.map((lane) => lane.name),
      // The template's checklists are the board's own content, written in English.
      ...board.criteria.map((criterion) => criterion.text),
      ...[shipped, building].flatMap((demand) => [demand.title, demand.key]),
      person.name,
    ];

    await page.goto(`/boards/${board.id}`);
    await expect(page.locator('.live-status[data-live="live"]')).toHaveText("实时");
    // The user menu switches without a reload, and keeps the choice on the account.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    // The whole interface re-renders in the new language, which closes the menu.
    await page.getByRole("button", { name: /语言与退出登录/ }).click();
    await page.getByRole("radio", { name: /English/ }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Dashboard" })).toBeVisible();
    await page.getByRole("button", { name: /language and sign out/ }).click();
    await page.getByRole("radio", { name: "简体中文" }).click();
    await expect(page.getByRole("link", { name: "仪表盘" })).toBeVisible();
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await expect
      .poll(async () => (await (await page.request.get("/api/auth/me")).json()).user.locale)
      .toBe("zh-CN");
    await checkPage(page, "board", userData);

    await page.getByRole("button", { name: building.title }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await expect(page.getByRole("heading", { name: "历程" })).toBeVisible();
    await checkPage(page, "card-dialog", userData);
    await page.keyboard.press("Escape");

    await page.goto(`/boards/${board.id}/dashboard`);
    await expect(page.getByTestId("tile-delivery")).toBeVisible();
    // Every panel has its answer (the forecasts and insights arrive after the numbers).
    await expect(page.getByTestId("chart-stuck-flow")).toBeVisible();
    await expect(page.getByTestId("chart-forecast-how-many")).not.toContainText("正在模拟");
    await expect(page.getByTestId("chart-forecast-when")).not.toContainText("正在模拟");
    await checkPage(page, "dashboard", userData);
    // The definitions behind the "?" buttons and the tables behind the charts are text to read too.
    for (const help of await page.getByRole("button", { name: /^关于/ }).all()) await help.click();
    for (const chart of ["aging", "time-in-stage", "stuck-flow", "wip-advice", "forecast-how-many"]) {
      await page
        .getByTestId(`chart-${chart}`)
        .getByRole("button", { name: /^表格视图/ })
        .click();
    }
    await expect(page.getByTestId("chart-aging").getByRole("table")).toContainText("超出 SLE（p85）");
    expect(await englishLeft(page, userData), "English left in the definitions and tables").toEqual([]);
    await page.screenshot({ path: "docs/screenshots/zh-CN-dashboard-tables-1280x800.png", fullPage: true });

    await page.goto(`/boards/${board.id}/standup`);
    await expect(page.locator(".standup-focus")).toBeVisible();
    await checkPage(page, "standup", userData);

    await page.goto(`/boards/${board.id}/report`);
    await expect(page.getByRole("heading", { name: /按季度统计的 2-1-1 目标/ })).toBeVisible();
    await checkPage(page, "report", userData);
  } finally {
    await context.close();
  }
});
