import type { TLane } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { laneViews } from "./board-lanes";

/** The board's swim lanes in row order; anyone who can read the board sees them on it anyway. */
export async function listLanes(db: Db, userId: string, boardId: string): Promise<TLane[]> {
  await requireBoardRole(db, userId, boardId, "viewer");
  return laneViews(db, boardId);
}
