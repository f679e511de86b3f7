import type { TMarkNotificationsReadBody, TNotificationList } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { listNotifications } from "./list-notifications";

/**
 * Marks the caller's notifications read: the ones named, or all of them.
 * Ids of other people's notifications are ignored, so nobody can touch
 * someone else's; already-read ones keep their first read time.
 */
export async function markNotificationsRead(
  db: Db,
  userId: string,
  body: TMarkNotificationsReadBody,
  now = new Date(),
): Promise<TNotificationList> {
  await db.notification.updateMany({
    where: { userId, readAt: null, ...(body.ids ? { id: { in: body.ids } } : {}) },
    data: { readAt: now },
  });
  return listNotifications(db, userId);
}
