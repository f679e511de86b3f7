import type { Page, TestInfo } from "@playwright/test";

/** What the eye checks on a board's first screen, measured in the page. */
export interface BoardLayoutFacts {
  innerWidth: number;
  innerHeight: number;
  scrollWidth: number;
  /** Stage headers whose box is not wholly inside the window. */
  stageHeadersOffScreen: string[];
  /** Each lane's height in CSS pixels, and whether it holds no card. */
  lanes: { name: string; height: number; empty: boolean }[];
  /** Stages of the Standard lane with cards but none of them starting on the first screen. */
  standardStagesWithoutVisibleCard: string[];
}

export async function measureBoardLayout(page: Page): Promise<BoardLayoutFacts> {
  return page.evaluate(() => {
    const inside = (box: DOMRect) =>
      box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
    const stageHeaders = Array.from(document.querySelectorAll<HTMLElement>(".stage-header"));
    const lanes = Array.from(document.querySelectorAll<HTMLElement>(".lane")).map((lane) => ({
      name: lane.dataset.lane ?? "",
      height: lane.getBoundingClientRect().height,
      empty: lane.querySelector(".lane-total")?.textContent === "0 cards",
    }));
    // A card "shows" when its top and at least its key line and the start of its title are on screen.
    const standard = Array.from(
      document.querySelectorAll<HTMLElement>(".lane[data-lane='Standard'] ul.cell-cards"),
    );
    const standardStagesWithoutVisibleCard = standard
      .filter((list) => {
        const first = list.querySelector("li.card-slot");
        if (!first) return false;
        const box = first.getBoundingClientRect();
        return !(
          box.top >= 0 &&
          box.top + Math.min(box.height, 40) <= window.innerHeight &&
          box.right <= window.innerWidth
        );
      })
      .map((list) => list.getAttribute("aria-label") ?? "");
    return {
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      stageHeadersOffScreen: stageHeaders
        .filter((header) => !inside(header.getBoundingClientRect()))
        .map((header) => header.dataset.stage ?? ""),
      lanes,
      standardStagesWithoutVisibleCard,
    };
  });
}

/** A screenshot of what the window shows, kept with the test's results. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: "image/png" });
  return path;
}

/**
 * Opens a board (with `query`, e.g. "?view=projector") and waits for its live
 * connection, allowing for a machine busy with other test runs.
 */
export async function openBoardPatiently(page: Page, boardId: string, query = ""): Promise<void> {
  await page.goto(`/boards/${boardId}${query}`);
  await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
}
