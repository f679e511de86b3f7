import type { TNotificationList } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { NOTIFICATION_SELECT, notificationView, visibleNotifications } from "./notification-view";

const LIST_LIMIT = 50;

/**
 * The caller's newest notifications (at most 50: SLE alerts and mentions)
 * and how many are unread, only from boards they still belong to.
 */
export async function listNotifications(db: Db, userId: string): Promise<TNotificationList> {
  const where = visibleNotifications(userId);
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: NOTIFICATION_SELECT,
    }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { notifications: rows.map(notificationView), unread };
}
