import { ErrorCode, type TBoardRole, type TComment } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { requireDemandAccess } from "../access/require-board-role";

export const COMMENT_SELECT = {
  id: true,
  demandId: true,
  body: true,
  mentions: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, name: true } },
} as const;

export interface CommentRow {
  id: string;
  demandId: string;
  body: string;
  mentions: string[];
  createdAt: Date;
  editedAt: Date | null;
  author: { id: string; name: string } | null;
}

export function commentView(row: CommentRow): TComment {
  return {
    id: row.id,
    demandId: row.demandId,
    author: row.author,
    body: row.body,
    mentions: row.mentions,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/**
 * A comment that is not deleted, with the caller's role on its demand's
 * board (at least `minimum`). A comment on a board the caller cannot see
 * does not exist for them (404), like its demand.
 */
export async function requireCommentAccess(
  db: Db,
  userId: string,
  commentId: string,
  minimum: TBoardRole,
): Promise<{
  comment: { id: string; demandId: string; authorId: string | null };
  boardId: string;
  role: TBoardRole;
}> {
  const comment = await db.comment.findFirst({
    where: { id: commentId, deletedAt: null },
    select: { id: true, demandId: true, authorId: true },
  });
  if (!comment) throw new AppError(ErrorCode.NOT_FOUND, "Comment was not found.");
  try {
    const { boardId, role } = await requireDemandAccess(db, userId, comment.demandId, minimum);
    return { comment, boardId, role };
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) {
      throw new AppError(ErrorCode.NOT_FOUND, "Comment was not found.");
    }
    throw error;
  }
}
