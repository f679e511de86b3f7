import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import { shownRange } from "../apps/web/src/features/board/cell-window";
import { chromiumArgs, chromiumPath } from "../e2e/helpers/chromium";
import { dragWithMouse } from "../e2e/helpers/drag-card";
import { type BenchBoard, STAGES } from "./bench-boards";
import { percentile } from "./bench-stats";
import { installPageProbes } from "./page-probes";

/** BENCH_PAGE_PROFILE=<dir>: a CPU profile of the page during the drag with every card shown (open it in DevTools). */
const PROFILE_DIR = process.env.BENCH_PAGE_PROFILE;

/**
 * The board page in Chromium (issue 9, item 4). For a board of N cards:
 * - open: from navigation start until the cards the page shows are rendered,
 *   and until it is interactive (rendered, live, and the last long task over);
 * - show all: every crowded cell opened at once, until all N cards are
 *   rendered and interactive;
 * - drag: a card dragged from Development to Testing with every card shown,
 *   frame intervals (requestAnimationFrame deltas) at p50/p95, and how many
 *   card components re-rendered during the drag.
 */
export interface BoardPageRun {
  cards: number;
  /** Cards in the DOM once the page opened (crowded cells show their top). */
  shownOnOpen: number;
  openRenderedMs: number;
  openInteractiveMs: number;
  showAllRenderedMs: number;
  showAllInteractiveMs: number;
  /** The same drag before any cell is opened (crowded cells show their top). */
  openDragFrameP95Ms: number;
  openDragWrapperRenders: number;
  dragFrames: number;
  dragFrameP50Ms: number;
  dragFrameP95Ms: number;
  dragFrameMaxMs: number;
  /** Draggable card wrappers (li.card-slot) rendered during the drag, summed over commits. */
  dragWrapperRenders: number;
  /** Card bodies (article.demand-card) rendered during the drag. */
  dragCardRenders: number;
  dragCommits: number;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}

/**
 * A board of `cards` as a team's board looks after a while: most in Selection
 * and Done, work in progress within the template's limits (Development keeps
 * room for the dragged card to enter Testing).
 */
export function boardPlacements(cards: number): { stage: number; lane: number }[] {
  const inProgress = [
    { stage: 1, lane: 1 },
    { stage: 1, lane: 1 },
    { stage: 2, lane: 1 },
    { stage: 2, lane: 1 },
    { stage: 2, lane: 1 },
    { stage: 2, lane: 2 },
    { stage: 3, lane: 1 },
    { stage: 3, lane: 2 },
    { stage: 4, lane: 1 },
  ];
  const rest = cards - inProgress.length;
  const waiting = Math.round(rest * 0.4);
  return [
    ...inProgress,
    ...Array.from({ length: waiting }, (_, i) => ({ stage: 0, lane: i % 7 === 0 ? 2 : 1 })),
    ...Array.from({ length: rest - waiting }, (_, i) => ({ stage: 5, lane: i % 5 === 0 ? 2 : 1 })),
  ];
}

/** How many cards the page shows before any cell is opened (see cell-window.ts). */
function shownOnOpen(board: BenchBoard): number {
  const perCell = new Map<string, number>();
  for (const demand of board.demands) {
    const cell = `${demand.stage}:${demand.lane}`;
    perCell.set(cell, (perCell.get(cell) ?? 0) + 1);
  }
  let shown = 0;
  for (const [cell, count] of perCell) {
    const done = cell.startsWith(`${STAGES.length - 1}:`);
    const range = shownRange(count, done, false);
    shown += range.end - range.start;
  }
  return shown;
}

export async function runBoardPage(
  browser: Browser,
  baseUrl: string,
  sessionToken: string,
  board: BenchBoard,
): Promise<BoardPageRun> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  await context.addCookies([{ name: "tideway_session", value: sessionToken, url: baseUrl }]);
  const page = await context.newPage();
  try {
    // tsx (esbuild, keepNames) wraps the probes' inner functions in __name(); give the page one.
    await page.addInitScript({ content: "globalThis.__name ??= (target) => target;" });
    await page.addInitScript(installPageProbes);
    const expected = shownOnOpen(board);
    await page.addInitScript((count) => {
      (window as unknown as { __bench: { expectedCards: number } }).__bench.expectedCards = count;
    }, expected);
    await page.goto(`${baseUrl}/boards/${board.id}`);
    await page.locator('.live-status[data-live="live"]').waitFor({ timeout: 30_000 });
    const open = await settle(page, 0);

    const movers = board.demands.filter((d) => d.stage === 2 && d.lane === 1);
    if (movers.length < 2) throw new Error("the board needs two cards in Development");
    const keyOf = (demand: BenchBoard["demands"][number]) =>
      `${board.key}-${board.demands.indexOf(demand) + 1}`;
    const dragOpen = await measureDrag(page, keyOf(movers[0] as BenchBoard["demands"][number]));

    const total = board.demands.length;
    const showAll = await page.evaluate((cards) => {
      const bench = (window as unknown as { __bench: { expectedCards: number; renderedAt: number | null } })
        .__bench;
      bench.expectedCards = cards;
      bench.renderedAt = null;
      const start = performance.now();
      for (const button of document.querySelectorAll<HTMLButtonElement>("button.show-more")) {
        if (button.textContent?.startsWith("Show ") && button.textContent !== "Show fewer") button.click();
      }
      return start;
    }, total);
    const all = await settle(page, showAll);
    const inDom = await page.locator(".demand-card").count();
    if (inDom !== total) throw new Error(`expected ${total} cards after showing all, found ${inDom}`);

    const profiler = PROFILE_DIR ? await startCpuProfile(page) : null;
    const drag = await measureDrag(page, keyOf(movers[1] as BenchBoard["demands"][number]));
    if (profiler)
      await profiler.stop(path.join(PROFILE_DIR as string, `board-page-${total}-drag.cpuprofile`));
    // Put both back, so the next run finds the board as it was.
    for (const mover of movers.slice(0, 2)) {
      const response = await page.request.post(`${baseUrl}/api/demands/${mover.id}/move`, {
        data: { toStageId: board.stageIds[2] },
        headers: { origin: new URL(baseUrl).origin },
      });
      if (!response.ok()) throw new Error(`could not move a card back: ${response.status()}`);
    }

    return {
      cards: total,
      shownOnOpen: expected,
      openRenderedMs: open.renderedMs,
      openInteractiveMs: open.interactiveMs,
      showAllRenderedMs: all.renderedMs,
      showAllInteractiveMs: all.interactiveMs,
      openDragFrameP95Ms: percentile(dragOpen.frames, 95),
      openDragWrapperRenders: dragOpen.wrapperRenders,
      dragFrames: drag.frames.length,
      dragFrameP50Ms: percentile(drag.frames, 50),
      dragFrameP95Ms: percentile(drag.frames, 95),
      dragFrameMaxMs: percentile(drag.frames, 100),
      dragWrapperRenders: drag.wrapperRenders,
      dragCardRenders: drag.cardRenders,
      dragCommits: drag.commits,
    };
  } finally {
    await context.close();
  }
}

/** Drags a card from Development to Testing while counting frames and card renders. */
async function measureDrag(page: Page, key: string) {
  const from = page.locator(`li[data-demand-key="${key}"]`);
  const target = page.getByRole("list", { name: "Testing, Standard" });
  await from.scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: Record<string, unknown> }).__bench;
    Object.assign(bench, {
      counting: true,
      recordingFrames: true,
      frames: [],
      commits: 0,
      wrapperRenders: 0,
      cardRenders: 0,
    });
  });
  await dragWithMouse(page, from, target, { steps: 40 });
  const drag = await page.evaluate(() => {
    const bench = (
      window as unknown as {
        __bench: {
          counting: boolean;
          recordingFrames: boolean;
          frames: number[];
          commits: number;
          wrapperRenders: number;
          cardRenders: number;
        };
      }
    ).__bench;
    bench.counting = false;
    bench.recordingFrames = false;
    return { ...bench, frames: [...bench.frames] };
  });
  await target.locator(`li[data-demand-key="${key}"]:not([data-moving])`).waitFor({ timeout: 10_000 });
  // dnd-kit swallows clicks for 50 ms after a drop (so the drop is not also a click); the next
  // step clicks, as no person could that soon.
  await page.waitForTimeout(100);
  return drag;
}

/**
 * Waits until the expected cards are rendered and the main thread has had
 * 500 ms without a long task; returns both moments relative to `since`
 * (performance.now() time; 0 is navigation start).
 */
async function settle(page: Page, since: number): Promise<{ renderedMs: number; interactiveMs: number }> {
  await page
    .waitForFunction(
      () => (window as unknown as { __bench: { renderedAt: number | null } }).__bench.renderedAt !== null,
      undefined,
      { timeout: 30_000, polling: 50 },
    )
    .catch(async (error: unknown) => {
      const shown = await page.locator(".demand-card").count();
      const expected = await page.evaluate(
        () => (window as unknown as { __bench: { expectedCards: number } }).__bench.expectedCards,
      );
      throw new Error(`the page shows ${shown} cards, expected ${expected}: ${String(error)}`);
    });
  for (;;) {
    const state = await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { renderedAt: number; longTasks: [number, number][] } })
        .__bench;
      const lastEnd = bench.longTasks.reduce((latest, [, end]) => Math.max(latest, end), 0);
      return { renderedAt: bench.renderedAt, lastEnd, now: performance.now() };
    });
    if (state.now - Math.max(state.lastEnd, state.renderedAt) >= 500) {
      return {
        renderedMs: state.renderedAt - since,
        interactiveMs: Math.max(state.renderedAt, state.lastEnd) - since,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startCpuProfile(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 200 });
  await session.send("Profiler.start");
  return {
    async stop(file: string) {
      const { profile } = await session.send("Profiler.stop");
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(profile));
      await session.detach();
    },
  };
}
