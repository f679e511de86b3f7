import {
  type TBoard,
  type TBoardSummary,
  type TCreateBoardBody,
  type TCreateDemandBody,
  type TDemandChange,
  type TMoveDemandBody,
  type TMoveResult,
  type TUpdateDemandBody,
  ZBoard,
  ZBoardSummary,
  ZDemandChange,
  ZMoveResult,
} from "@tideway/contracts";
import { apiRequest, firstAnswerTo, ignoreBody, type ResponseSchema, wrapped } from "../../api/api-request";
import { takeFirstAnswer } from "../../api/first-answers";

const ZBoardList = wrapped("boards", ZBoardSummary.array());

const BOARDS = "/api/boards";
const boardPath = (boardId: string) => `/api/boards/${boardId}`;

export async function fetchBoards(): Promise<TBoardSummary[]> {
  return (await apiRequest("GET", BOARDS, ZBoardList)).boards;
}

/** The board list the page brought, if it did (first-page.ts). */
export function boardsAnsweredFirst(): TBoardSummary[] | undefined {
  return firstAnswerTo(BOARDS, ZBoardList)?.boards;
}

/** The new board's id, whether the reply is the board itself or wraps it as `{ board }`. */
const ZCreatedBoardId: ResponseSchema<string> = {
  parse(data) {
    const record = (data ?? {}) as { id?: unknown; board?: { id?: unknown } };
    const id = record.id ?? record.board?.id;
    if (typeof id !== "string") throw new Error("The server's reply names no board id.");
    return id;
  },
};

export function createBoard(body: TCreateBoardBody): Promise<string> {
  return apiRequest("POST", "/api/boards", ZCreatedBoardId, body);
}

export function fetchBoard(boardId: string): Promise<TBoard> {
  return apiRequest("GET", boardPath(boardId), ZBoard);
}

/** The board the page brought, if it did (first-page.ts). */
export function boardAnsweredFirst(boardId: string): TBoard | undefined {
  return firstAnswerTo(boardPath(boardId), ZBoard);
}

/**
 * Drops the board the page brought, once the board store holds it: the next fetch of the
 * board is a catch-up (a missed event, a reconnect) and must ask the API, not take an answer
 * older than the board by then.
 */
export function forgetBoardAnsweredFirst(boardId: string): void {
  takeFirstAnswer(boardPath(boardId));
}

export function createDemand(boardId: string, body: TCreateDemandBody): Promise<TDemandChange> {
  return apiRequest("POST", `/api/boards/${boardId}/demands`, ZDemandChange, body);
}

export function updateDemand(demandId: string, body: TUpdateDemandBody): Promise<TDemandChange> {
  return apiRequest("PATCH", `/api/demands/${demandId}`, ZDemandChange, body);
}

export function moveDemand(demandId: string, body: TMoveDemandBody): Promise<TMoveResult> {
  return apiRequest("POST", `/api/demands/${demandId}/move`, ZMoveResult, body);
}

export function setCriterionCheck(
  demandId: string,
  criterionId: string,
  checked: boolean,
): Promise<TDemandChange> {
  return apiRequest("PUT", `/api/demands/${demandId}/checks/${criterionId}`, ZDemandChange, { checked });
}

export function blockDemand(demandId: string, reason: string): Promise<TDemandChange> {
  return apiRequest("POST", `/api/demands/${demandId}/block`, ZDemandChange, { reason });
}

export function unblockDemand(demandId: string): Promise<TDemandChange> {
  return apiRequest("DELETE", `/api/demands/${demandId}/block`, ZDemandChange);
}

/** Takes the signed-in person off the board; the board's last admin is refused (409). */
export function leaveBoard(boardId: string): Promise<void> {
  return apiRequest("DELETE", `/api/boards/${boardId}/members/me`, ignoreBody);
}
