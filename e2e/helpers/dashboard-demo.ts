import { type APIRequestContext, expect, type Locator, type Page } from "@playwright/test";
import type { TBoard, TBoardSummary, TDemand } from "@tideway/contracts";
import { BoardApi } from "./board-api";

/** The seeded demo board ("PAY"), which every dashboard test reads: its numbers only ever grow under the tests. */
export async function demoBoardId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/boards");
  expect(response.ok(), `GET /api/boards answered ${response.status()}`).toBe(true);
  const { boards } = (await response.json()) as { boards: TBoardSummary[] };
  const board = boards.find((candidate) => candidate.key === "PAY");
  if (!board) throw new Error("the demo board PAY is not seeded");
  return board.id;
}

/** Opens a board's dashboard and waits until its numbers are shown and its live connection is up. */
export async function openDashboard(page: Page, boardId: string, search = ""): Promise<void> {
  await page.goto(`/boards/${boardId}/dashboard${search}`);
  await expect(page.getByTestId("tile-delivery")).toBeVisible();
  await expect(page.locator('.live-status[data-live="live"]')).toBeVisible();
}

/** A whole number shown on the dashboard (a tile's count, a week's throughput). */
export async function shownNumber(locator: Locator): Promise<number> {
  const text = ((await locator.textContent()) ?? "").trim();
  const value = Number(text.replace(/[^\d.]/g, ""));
  if (text === "" || Number.isNaN(value)) throw new Error(`"${text}" is not a number`);
  return value;
}

/**
 * Delivers one demand of the board, as people would: the furthest-along
 * demand that is not blocked (preferably one waiting in Release) has every
 * criterion of the board ticked and is moved stage by stage into Done,
 * through the API of whichever signed-in context `request` belongs to.
 */
export async function deliverOneDemand(
  request: APIRequestContext,
  baseURL: string,
  boardId: string,
): Promise<TDemand> {
  const api = new BoardApi(request, baseURL);
  const board = await api.board(boardId);
  const flow = [...board.stages].sort((a, b) => a.position - b.position);
  const doneIndex = flow.findIndex((stage) => stage.kind === "done");
  const done = flow[doneIndex];
  if (!done) throw new Error("the board has no done stage");
  const stageIndex = (demand: TDemand) => flow.findIndex((stage) => stage.id === demand.stageId);
  const candidates = board.demands
    .filter((demand) => !demand.blocked && demand.committedAt !== null && stageIndex(demand) < doneIndex)
    .sort((a, b) => stageIndex(b) - stageIndex(a));
  let demand = candidates[0];
  if (!demand) throw new Error("no committed demand in progress to deliver");
  for (const criterion of criteriaStillToMeet(board, demand)) demand = await api.check(demand.id, criterion);
  for (const stage of flow.slice(stageIndex(demand) + 1, doneIndex + 1)) {
    demand = await api.move(demand.id, stage.id);
  }
  return demand;
}

function criteriaStillToMeet(board: TBoard, demand: TDemand): string[] {
  return board.criteria
    .filter((criterion) => criterion.required && !demand.checkedCriterionIds.includes(criterion.id))
    .map((criterion) => criterion.id);
}
