import type { TCommentList } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireDemandAccess } from "../access/require-board-role";
import { COMMENT_SELECT, commentView } from "./comment-view";

/** A demand's conversation, oldest first; anyone on the board reads it. */
export async function listComments(db: Db, userId: string, demandId: string): Promise<TCommentList> {
  await requireDemandAccess(db, userId, demandId, "viewer");
  const rows = await db.comment.findMany({
    where: { demandId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: COMMENT_SELECT,
  });
  return { comments: rows.map(commentView) };
}
