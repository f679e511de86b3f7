import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";
import english from "../../apps/web/src/i18n/en.json" with { type: "json" };
import type { NewPerson } from "./new-person";

/*
 * The checks of the Chinese walks (issue #22): every page is scanned for
 * English left outside user data, checked with axe, and photographed at
 * 1280x800 and 1920x1080 in docs/screenshots/.
 */

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
  // HTTP's own word, written as the Authorization header needs it.
  "Bearer",
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
export async function englishLeft(page: Page, userData: readonly string[]): Promise<string[]> {
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

export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
}

/** The checks every page of the walk gets: Chinese `lang`, no English left, axe clean, a screenshot per size. */
export async function checkPage(page: Page, name: string, userData: readonly string[]) {
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

/**
 * A page of a person of their own (signed out, browser preferring Chinese, no language saved
 * on the account), so the shared demo account other workers use stays in English. Close it
 * with `page.context().close()`.
 */
export async function chinesePage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({
    locale: "zh-CN",
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  return context.newPage();
}

/** The person who walks in Chinese, with an email of their own for this run. */
export function chinesePerson(): NewPerson {
  return { name: "Lin Wei", email: `lin-${Date.now()}@tideway.local`, password: "a long enough password" };
}

/** Opens `path`, waits until `ready` (what shows the page has its data) is visible, then checks the page. */
export async function visitAndCheck(
  page: Page,
  path: string,
  ready: Locator,
  name: string,
  userData: readonly string[],
): Promise<void> {
  await page.goto(path);
  await expect(ready).toBeVisible();
  await checkPage(page, name, userData);
}
