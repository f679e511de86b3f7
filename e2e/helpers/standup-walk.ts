import type { APIRequestContext, Locator, Page } from "@playwright/test";
import type { TBoard, TDemand } from "@tideway/contracts";
import type { BoardApi } from "./board-api";
import { expect } from "./board-test";

/** One stop of the stand-up: a card, or an empty stage (key ""). */
export interface StandupStop {
  stage: string;
  key: string;
}

/** The seeded demo board, "PAY". */
export async function demoBoard(request: APIRequestContext): Promise<TBoard> {
  const list = (await (await request.get("/api/boards")).json()) as { boards: { id: string; key: string }[] };
  const demo = list.boards.find((board) => board.key === "PAY");
  if (!demo) throw new Error("the demo board PAY is not seeded");
  return (await (await request.get(`/api/boards/${demo.id}`)).json()) as TBoard;
}

/**
 * Cards a stand-up walk tests per stage of a fresh "2-1-1" board: several in
 * each working stage (so the walk moves within a stage and across), and Design
 * left empty (so it stops on an empty stage). The stand-ups run on this board,
 * never on the demo board, whose shape depends on the hour it was seeded.
 */
const STANDUP_SHAPE = [
  { stage: "Release", cards: 2 },
  { stage: "Testing", cards: 2 },
  { stage: "Development", cards: 3 },
  { stage: "Selection", cards: 2 },
] as const;

/** A fresh board shaped by STANDUP_SHAPE, read back as the stand-up reads it. */
export async function standupBoard(boardApi: BoardApi, name: string): Promise<TBoard> {
  const board = await boardApi.createBoard(name);
  for (const { stage, cards } of STANDUP_SHAPE) {
    for (let index = 1; index <= cards; index++) {
      await boardApi.placeDemand(board, `${stage} card ${index}`, { stage, checkAll: true });
    }
  }
  return boardApi.board(board.id);
}

/**
 * The order issue 7 documents, written out independently of the app's code:
 * stages right to left from the one before Done; within a stage blocked
 * first, then defects, then the oldest (committedAt, else enteredStageAt),
 * equal ages by key number.
 */
export function expectedStops(board: TBoard): StandupStop[] {
  const stages = [...board.stages].sort((a, b) => a.position - b.position);
  const firstDone = stages.findIndex((stage) => stage.kind === "done");
  const walked = (firstDone === -1 ? stages : stages.slice(0, firstDone)).reverse();
  const since = (demand: TDemand) => Date.parse(demand.committedAt ?? demand.enteredStageAt);
  return walked.flatMap((stage) => {
    const cards = board.demands
      .filter((demand) => demand.stageId === stage.id)
      .sort(
        (a, b) =>
          Number(b.blocked) - Number(a.blocked) ||
          Number(b.type === "defect") - Number(a.type === "defect") ||
          since(a) - since(b) ||
          a.number - b.number,
      );
    return cards.length === 0
      ? [{ stage: stage.name, key: "" }]
      : cards.map((demand) => ({ stage: stage.name, key: demand.key }));
  });
}

export function focusedCard(page: Page): Locator {
  return page.locator(".standup-focus");
}

/** Where the stand-up stands: the stage shown and the focused card's key ("" for an empty stage). */
export async function expectAt(page: Page, stop: StandupStop): Promise<void> {
  await expect(page.locator(".standup-stage"), `stage for ${stop.key || "empty stop"}`).toHaveAttribute(
    "data-stage",
    stop.stage,
  );
  await expect(focusedCard(page), `focused card in ${stop.stage}`).toHaveAttribute(
    "data-demand-key",
    stop.key,
  );
}

/** Opens stand-up mode and waits until its first stop is shown and the live connection is up. */
export async function openStandup(page: Page, boardId: string, query = ""): Promise<void> {
  await page.goto(`/boards/${boardId}/standup${query}`);
  await expect(page.locator('.standup[data-live="live"]')).toBeVisible();
  await expect(focusedCard(page)).toBeVisible();
}
