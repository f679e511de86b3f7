import { type TBoardChildren, ZBoardChildren } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

/** The children on team boards of a board's demands (the board shows their progress; portfolio-api.ts has the rest). */
export function fetchBoardChildren(boardId: string): Promise<TBoardChildren> {
  return apiRequest("GET", `/api/boards/${boardId}/children`, ZBoardChildren);
}
