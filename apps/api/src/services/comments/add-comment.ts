import type { TCommentChange } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireDemandAccess } from "../access/require-board-role";
import { type BoardEventSink, nextBoardSeq } from "../board-events";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import type { UserEventSink } from "../insights/user-events";
import { announceCommentChange } from "./announce-comment-change";
import { COMMENT_SELECT, commentView } from "./comment-view";
import { recordMentions } from "./notify-mentions";

export interface CommentDeps {
  db: Db;
  events: BoardEventSink;
  users: UserEventSink;
}

/**
 * Adds a comment to a demand (members and admins), notifies the members it
 * @mentions, and tells everyone with the board open (`comment.changed`).
 */
export async function addComment(
  { db, events, users }: CommentDeps,
  authorId: string,
  demandId: string,
  body: string,
  now = new Date(),
): Promise<TCommentChange> {
  const { boardId } = await requireDemandAccess(db, authorId, demandId, "member");
  const result = await db.$transaction(async (tx) => {
    const { id } = await tx.comment.create({
      data: { demandId, authorId, body, createdAt: now },
      select: { id: true },
    });
    const { mentions, notices } = await recordMentions(tx, { id, body, authorId }, boardId);
    const row = await tx.comment.update({ where: { id }, data: { mentions }, select: COMMENT_SELECT });
    return { comment: commentView(row), seq: await nextBoardSeq(tx, boardId), notices };
  }, TRANSACTION_OPTIONS);
  announceCommentChange(
    { events, users },
    {
      boardId,
      demandId,
      commentId: result.comment.id,
      seq: result.seq,
      change: "created",
      notices: result.notices,
    },
  );
  return { comment: result.comment, seq: result.seq };
}
