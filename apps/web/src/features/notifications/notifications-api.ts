import { type TNotificationList, ZNotificationList } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

export const fetchNotifications = (): Promise<TNotificationList> =>
  apiRequest("GET", "/api/notifications", ZNotificationList);

/** Marks the named notifications read, or all of them. */
export const markNotificationsRead = (ids?: string[]): Promise<TNotificationList> =>
  apiRequest("POST", "/api/notifications/read", ZNotificationList, ids ? { ids } : {});
