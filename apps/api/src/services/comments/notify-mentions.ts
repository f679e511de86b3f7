import type { TNotification } from "@tideway/contracts";
import { mentionedMembers } from "@tideway/domain";
import type { Prisma } from "../../generated/prisma/client";
import { NOTIFICATION_SELECT, notificationView } from "../insights/notification-view";
import type { UserEventSink } from "../insights/user-events";

export interface MentionNotices {
  mentions: string[];
  /** Sent after commit, one per newly mentioned member. */
  notices: { userId: string; notification: TNotification }[];
}

/**
 * Finds the board members a comment's body mentions (`mentionedMembers`)
 * and, inside the caller's transaction, gives each one a notification for
 * this comment: once per comment and member, so an edit notifies only the
 * members it newly mentions.
 */
export async function recordMentions(
  tx: Prisma.TransactionClient,
  comment: { id: string; body: string; authorId: string },
  boardId: string,
): Promise<MentionNotices> {
  const members = await tx.boardMember.findMany({
    where: { boardId },
    select: { userId: true, user: { select: { name: true } } },
  });
  const mentioned = mentionedMembers(
    comment.body,
    members.map((member) => ({ userId: member.userId, name: member.user.name })),
    comment.authorId,
  );
  const mentions = mentioned.map((member) => member.userId);
  if (mentions.length === 0) return { mentions, notices: [] };
  const created = await tx.notification.createManyAndReturn({
    data: mentions.map((userId) => ({ userId, commentId: comment.id })),
    skipDuplicates: true,
    select: { id: true },
  });
  const rows = await tx.notification.findMany({
    where: { id: { in: created.map((row) => row.id) } },
    select: { ...NOTIFICATION_SELECT, userId: true },
  });
  return {
    mentions,
    notices: rows.map((row) => ({ userId: row.userId, notification: notificationView(row) })),
  };
}

export function sendMentionNotices(users: UserEventSink, notices: MentionNotices["notices"]): void {
  for (const { userId, notification } of notices) users.notify(userId, notification);
}
