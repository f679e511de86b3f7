import type { Locator, Page } from "@playwright/test";
import { BoardApi } from "./helpers/board-api";
import { expect, test } from "./helpers/board-test";
import { chinesePage, chinesePerson } from "./helpers/chinese-walk";
import { signUpByInvitation } from "./helpers/new-person";

// Two people, two dashboards, two sizes each on a busy machine.
test.describe.configure({ timeout: 300_000 });

interface Box {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The page boxes of the labels `labels` finds, with their text. */
function boxesOf(labels: Locator): Promise<Box[]> {
  return labels.evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent ?? "",
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
      };
    }),
  );
}

/** Every pair of labels whose boxes share some area ("p50 / p85"); none is what a reader needs. */
async function overlapping(labels: Locator): Promise<string[]> {
  const boxes = await boxesOf(labels);
  return boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
      .map((b) => `${a.text} / ${b.text}`),
  );
}

/** Labels whose box leaves their chart's panel (cut off, or drawn over the next panel). */
async function outsidePanel(panel: Locator, labels: Locator): Promise<string[]> {
  const frame = await panel.boundingBox();
  if (!frame) return ["the panel is not shown"];
  return (await boxesOf(labels))
    .filter(
      (box) =>
        box.left < frame.x ||
        box.top < frame.y ||
        box.right > frame.x + frame.width ||
        box.bottom > frame.y + frame.height,
    )
    .map((box) => box.text);
}

/**
 * The dashboard of a board whose delivered demand and demand in progress
 * took no time: p50, p85 and p95 are one line, at the bottom, the worst case
 * for their labels. Stage names and percentile labels must not overlap or
 * leave their panel at 1280x800 and 1920x1080.
 */
async function checkLabels(page: Page, boardId: string, language: string): Promise<void> {
  await page.goto(`/boards/${boardId}/dashboard`);
  const scatter = page.getByTestId("chart-scatter");
  const aging = page.getByTestId("chart-aging");
  const stuck = page.getByTestId("chart-stuck-flow");
  const timeInStage = page.getByTestId("chart-time-in-stage");
  // p50, p85, p95 and the axis' name ("days").
  await expect(scatter.locator(".recharts-label")).toHaveCount(4);
  await expect(stuck.locator("figure")).toHaveCount(2);
  // Recharts draws labels in a layer of their own, above the lines: found by class, not by line.
  // The dates under the chart count too: a line at zero puts its label near them.
  const percentileLabels = (panel: Locator) =>
    panel.locator(".recharts-label, .recharts-xAxis-tick-labels text");
  const stageNames = (chart: Locator) => chart.locator(".recharts-xAxis-tick-labels text");
  const groups: [string, Locator, Locator][] = [
    ["scatter", scatter, percentileLabels(scatter)],
    ["aging", aging, percentileLabels(aging)],
    ["stuck flow, time in stage", stuck, stageNames(stuck.locator("figure").first())],
    ["stuck flow, arrivals", stuck, stageNames(stuck.locator("figure").last())],
    ["time in stage", timeInStage, stageNames(timeInStage)],
  ];
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    for (const [name, panel, labels] of groups) {
      // The charts re-lay themselves out after a resize: poll until they settle.
      await expect.poll(() => overlapping(labels), `${name} at ${size.width}`).toEqual([]);
      await expect.poll(() => outsidePanel(panel, labels), `${name} at ${size.width}`).toEqual([]);
    }
    for (const [name, panel] of [
      ["scatter", scatter],
      ["stuck-flow", stuck],
      ["time-in-stage", timeInStage],
    ] as const) {
      await panel.screenshot({
        path: `docs/screenshots/dashboard-labels-${language}-${name}-${size.width}x${size.height}.png`,
      });
    }
  }
}

/** The id of a new board with one delivered demand and one in Development. */
async function boardWithFlow(boardApi: BoardApi, name: string): Promise<string> {
  return (await boardApi.createBoardWithFlow(name)).board.id;
}

test("[DASHBOARD][LABELS]: stage names under the small charts and the p50/p85/p95 labels never overlap, in English and in Chinese", async ({
  page,
  boardApi,
  browser,
  baseURL,
}) => {
  await checkLabels(page, await boardWithFlow(boardApi, "Labels in English"), "en");

  const chinese = await chinesePage(browser, baseURL);
  try {
    await signUpByInvitation(chinese.request, baseURL ?? "", chinesePerson());
    const chineseApi = new BoardApi(chinese.request, baseURL ?? "");
    await checkLabels(chinese, await boardWithFlow(chineseApi, "Labels in Chinese"), "zh-CN");
  } finally {
    await chinese.context().close();
  }
});
