import type { TForecastSettings } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { readForecastSettings } from "./forecast-settings";

/** The board's forecast settings, for anyone on the board. */
export async function getForecastSettings(
  db: Db,
  userId: string,
  boardId: string,
): Promise<TForecastSettings> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const board = await db.board.findUniqueOrThrow({ where: { id: boardId }, select: { settings: true } });
  return readForecastSettings(board.settings);
}
