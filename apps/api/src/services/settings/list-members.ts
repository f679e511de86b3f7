import type { TBoardMember } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { memberViews } from "./board-members";

/** Members with their emails, for admins; everyone else sees names and roles on the board itself. */
export async function listMembers(db: Db, userId: string, boardId: string): Promise<TBoardMember[]> {
  await requireBoardRole(db, userId, boardId, "admin");
  return memberViews(db, boardId);
}
