import type { TStage } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { stageViews } from "./board-stages";

/** The board's stages in column order; anyone who can read the board sees them on it anyway. */
export async function listStages(db: Db, userId: string, boardId: string): Promise<TStage[]> {
  await requireBoardRole(db, userId, boardId, "viewer");
  return stageViews(db, boardId);
}
