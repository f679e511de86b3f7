import type { TNotification } from "@tideway/contracts";
import { demandKey } from "../demands/demand-view";

const DEMAND_SELECT = {
  select: { id: true, number: true, title: true, board: { select: { id: true, key: true, name: true } } },
} as const;

/** What a notification query selects for `notificationView`. */
export const NOTIFICATION_SELECT = {
  id: true,
  createdAt: true,
  readAt: true,
  alert: {
    select: {
      threshold: true,
      ageSeconds: true,
      thresholdSeconds: true,
      sampleSize: true,
      demand: DEMAND_SELECT,
    },
  },
  comment: {
    select: { id: true, body: true, author: { select: { name: true } }, demand: DEMAND_SELECT },
  },
} as const;

interface DemandRow {
  id: string;
  number: number;
  title: string;
  board: { id: string; key: string; name: string };
}

export interface NotificationRow {
  id: string;
  createdAt: Date;
  readAt: Date | null;
  alert: {
    threshold: "p50" | "p85";
    ageSeconds: number;
    thresholdSeconds: number;
    sampleSize: number | null;
    demand: DemandRow;
  } | null;
  comment: { id: string; body: string; author: { name: string } | null; demand: DemandRow } | null;
}

const EXCERPT_LENGTH = 140;

/** Only the boards a person still belongs to: leaving a board hides its notifications. */
export function visibleNotifications(userId: string) {
  const member = { board: { members: { some: { userId } } } };
  return { userId, OR: [{ alert: member }, { comment: { demand: member } }] };
}

export function notificationView(row: NotificationRow): TNotification {
  const subject = row.alert ?? row.comment;
  if (!subject) throw new Error(`notification ${row.id} has neither an alert nor a comment`);
  const { demand } = subject;
  const common = {
    id: row.id,
    boardId: demand.board.id,
    boardName: demand.board.name,
    demandId: demand.id,
    demandKey: demandKey(demand.board.key, demand.number),
    demandTitle: demand.title,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
  if (row.alert) {
    return {
      kind: "sle",
      ...common,
      threshold: row.alert.threshold,
      age: row.alert.ageSeconds,
      thresholdAge: row.alert.thresholdSeconds,
      sampleSize: row.alert.sampleSize,
    };
  }
  const comment = row.comment as NonNullable<NotificationRow["comment"]>;
  const body = comment.body.replace(/\s+/g, " ").trim();
  return {
    kind: "mention",
    ...common,
    commentId: comment.id,
    authorName: comment.author?.name ?? null,
    excerpt: body.length > EXCERPT_LENGTH ? `${body.slice(0, EXCERPT_LENGTH - 1)}…` : body,
  };
}
