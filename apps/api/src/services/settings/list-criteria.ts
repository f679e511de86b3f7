import type { TCriterion } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { boardCriteria } from "./board-criteria";

/** The board's entry and exit criteria; anyone who can read the board sees them on it anyway. */
export async function listCriteria(db: Db, userId: string, boardId: string): Promise<TCriterion[]> {
  await requireBoardRole(db, userId, boardId, "viewer");
  return boardCriteria(db, boardId);
}
