import { ErrorCode, type TCommentChange } from "@tideway/contracts";
import { AppError } from "../../errors/app-error";
import { nextBoardSeq } from "../board-events";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import type { CommentDeps } from "./add-comment";
import { announceCommentChange } from "./announce-comment-change";
import { COMMENT_SELECT, commentView, requireCommentAccess } from "./comment-view";
import { recordMentions } from "./notify-mentions";

/** Rewrites a comment: only its author may, while still a member (or admin) of the board. */
export async function editComment(
  { db, events, users }: CommentDeps,
  userId: string,
  commentId: string,
  body: string,
  now = new Date(),
): Promise<TCommentChange> {
  const { comment, boardId } = await requireCommentAccess(db, userId, commentId, "member");
  if (comment.authorId !== userId) {
    throw new AppError(ErrorCode.FORBIDDEN, "Only the author of a comment can edit it.");
  }
  const result = await db.$transaction(async (tx) => {
    const { mentions, notices } = await recordMentions(
      tx,
      { id: commentId, body, authorId: userId },
      boardId,
    );
    const row = await tx.comment.update({
      where: { id: commentId },
      data: { body, mentions, editedAt: now },
      select: COMMENT_SELECT,
    });
    return { comment: commentView(row), seq: await nextBoardSeq(tx, boardId), notices };
  }, TRANSACTION_OPTIONS);
  announceCommentChange(
    { events, users },
    {
      boardId,
      demandId: comment.demandId,
      commentId,
      seq: result.seq,
      change: "edited",
      notices: result.notices,
    },
  );
  return { comment: result.comment, seq: result.seq };
}
