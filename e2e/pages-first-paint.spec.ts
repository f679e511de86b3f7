import type { Page } from "@playwright/test";
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

test("[PAGES]: the board list, a board and its dashboard show their first content without asking the API", async ({
  page,
  boardApi,
}) => {
  const { board } = await boardApi.createBoardWithFlow("First paint");

  const pages = [
    { path: "/", selector: `.board-list a[href='/boards/${board.id}']` },
    { path: `/boards/${board.id}`, selector: "article.demand-card" },
    { path: `/boards/${board.id}/dashboard`, selector: "[data-testid='tile-delivery-p85']" },
  ];
  for (const { path, selector } of pages) {
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
