import type { TNotification } from "@tideway/contracts";

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
      demand: { select: { id: true, number: true, title: true } },
      board: { select: { id: true, key: true, name: true } },
    },
  },
} as const;

export interface NotificationRow {
  id: string;
  createdAt: Date;
  readAt: Date | null;
  alert: {
    threshold: "p50" | "p85";
    ageSeconds: number;
    thresholdSeconds: number;
    demand: { id: string; number: number; title: string };
    board: { id: string; key: string; name: string };
  };
}

export function notificationView(row: NotificationRow): TNotification {
  const { alert } = row;
  return {
    id: row.id,
    boardId: alert.board.id,
    boardName: alert.board.name,
    demandId: alert.demand.id,
    demandKey: `${alert.board.key}-${alert.demand.number}`,
    demandTitle: alert.demand.title,
    threshold: alert.threshold,
    age: alert.ageSeconds,
    thresholdAge: alert.thresholdSeconds,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
