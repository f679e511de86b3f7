import { ErrorCode } from "@tideway/contracts";
import { AppError } from "../../errors/app-error";
import { nextBoardSeq } from "../board-events";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import type { CommentDeps } from "./add-comment";
import { announceCommentChange } from "./announce-comment-change";
import { requireCommentAccess } from "./comment-view";

/**
 * Deletes a comment: its author (a member or admin) or any admin of the
 * board. The row stays, without its body, and its mention notifications go.
 */
export async function deleteComment(
  { db, events }: Omit<CommentDeps, "users">,
  userId: string,
  commentId: string,
  now = new Date(),
): Promise<void> {
  const { comment, boardId, role } = await requireCommentAccess(db, userId, commentId, "member");
  if (comment.authorId !== userId && role !== "admin") {
    throw new AppError(ErrorCode.FORBIDDEN, "Only the author of a comment or a board admin can delete it.");
  }
  const seq = await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { body: "", mentions: [], deletedAt: now } });
    await tx.notification.deleteMany({ where: { commentId } });
    return nextBoardSeq(tx, boardId);
  }, TRANSACTION_OPTIONS);
  announceCommentChange(
    { events },
    { boardId, demandId: comment.demandId, commentId, seq, change: "deleted" },
  );
}
