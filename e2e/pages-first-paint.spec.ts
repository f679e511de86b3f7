import type { Page } from "@playwright/test";
import type { BoardApi } from "./helpers/board-api";
import { expect, test } from "./helpers/board-test";

/**
 * Issue 19: one request brings everything a page's first paint needs (docs/decisions/020).
 * A fresh tab records, at the first frame that shows `selector` (a frame's callbacks run just
 * before it is painted), every request it had made by then; none of them may be an API call:
 * the page brought its data, and its scripts and styles came beside it.
 */
async function requestsBeforeFirstContent(opener: Page, path: string, selector: string): Promise<string[]> {
  const page = await opener.context().newPage();
  await page.addInitScript((watched: string) => {
    const state = window as unknown as { requestsBeforeContent: string[] | null };
    state.requestsBeforeContent = null;
    // An observer, not performance.getEntriesByType: under a pinned clock (test:at) Playwright's
    // clock replaces `performance`, whose entry lists are then always empty. takeRecords() hands
    // over at once the entries not yet delivered to the callback.
    const requested: string[] = [];
    const record = (entries: PerformanceEntryList) => {
      for (const entry of entries) requested.push(new URL(entry.name).pathname);
    };
    const observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type: "resource", buffered: true });
    const onFrame = () => {
      if (document.querySelector(watched)) {
        record(observer.takeRecords());
        observer.disconnect();
        state.requestsBeforeContent = requested;
        return;
      }
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  }, selector);
  await page.goto(path);
  const requests = await page.waitForFunction(
    () => (window as unknown as { requestsBeforeContent: string[] | null }).requestsBeforeContent,
  );
  const paths = (await requests.jsonValue()) as string[];
  await page.close();
  return paths;
}

/** A new board with a delivered card and one in progress; its list, board and dashboard pages with what each shows first. */
async function firstPages(boardApi: BoardApi, name: string): Promise<{ path: string; selector: string }[]> {
  const { board } = await boardApi.createBoardWithFlow(name);
  return [
    { path: "/", selector: `.board-list a[href='/boards/${board.id}']` },
    { path: `/boards/${board.id}`, selector: "article.demand-card" },
    { path: `/boards/${board.id}/dashboard`, selector: "[data-testid='tile-delivery-p85']" },
  ];
}

test("[PAGES]: the board list, a board and its dashboard show their first content without asking the API", async ({
  page,
  boardApi,
}) => {
  for (const { path, selector } of await firstPages(boardApi, "First paint")) {
    const requests = await requestsBeforeFirstContent(page, path, selector);
    expect(requests.filter((requested) => requested.startsWith("/assets/")).length).toBeGreaterThan(0);
    // The app bar's bell asks for its notifications by itself, beside the page (and again once
    // the live connection is up); the page's content waits for none of that.
    expect(
      requests.filter((requested) => requested.startsWith("/api/") && requested !== "/api/notifications"),
      `${path} asked the API before its first content`,
    ).toEqual([]);
  }
});

test("[PAGES]: the server renders their first content and the browser hydrates it as it is", async ({
  page,
  boardApi,
}) => {
  for (const { path, selector } of await firstPages(boardApi, "Rendered first")) {
    const tab = await page.context().newPage();
    const errors: string[] = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    tab.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    // Once the HTML is parsed and before any module script runs: what the server rendered.
    await tab.addInitScript((watched: string) => {
      document.addEventListener("readystatechange", () => {
        if (document.readyState === "interactive")
          (window as unknown as { served: Element | null }).served = document.querySelector(watched);
      });
    }, selector);
    await tab.goto(path);
    expect(await tab.evaluate(() => !!(window as unknown as { served: Element | null }).served), path).toBe(
      true,
    );
    // The bell renders only once the page is hydrated (ui/use-hydrated.ts).
    await expect(tab.locator(".bell-button")).toBeVisible();
    // Hydrated, not rendered again: the element the server sent is the one shown.
    expect(
      await tab.evaluate(() => (window as unknown as { served: Element }).served.isConnected),
      `${path} was rendered again in the browser`,
    ).toBe(true);
    expect(errors, path).toEqual([]);
    await tab.close();
  }
});
