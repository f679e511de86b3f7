import type { TPipelineSettings } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { readPipelineSettings } from "./pipeline-settings";

/** The board's pipeline settings, for anyone on the board. */
export async function getPipelineSettings(
  db: Db,
  userId: string,
  boardId: string,
): Promise<TPipelineSettings> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const board = await db.board.findUniqueOrThrow({ where: { id: boardId }, select: { settings: true } });
  return readPipelineSettings(board.settings);
}
