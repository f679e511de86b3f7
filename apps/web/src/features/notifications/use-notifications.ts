import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type TNotificationList, ZNotification } from "@tideway/contracts";
import { useEffect } from "react";
import { subscribeToAppSocket } from "../../api/app-socket";
import { queryKeys } from "../../api/query-keys";
import { fetchNotifications, markNotificationsRead } from "./notifications-api";

const NONE: TNotificationList = { notifications: [], unread: 0 };

/**
 * The signed-in user's in-app notifications (SLE alerts of the boards they lead,
 * mentions): the list is a query, a `notification:new` on the tab's socket is
 * added to it, and every (re)connection fetches it again (some may have been missed).
 */
export function useNotifications(): TNotificationList & { markRead: (ids?: string[]) => Promise<void> } {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.notifications(), queryFn: fetchNotifications }).data ?? NONE;

  useEffect(() => {
    const live = subscribeToAppSocket({
      connect: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications() }),
      "notification:new": (raw) => {
        const parsed = ZNotification.safeParse(raw);
        if (!parsed.success) return;
        const added = parsed.data;
        queryClient.setQueryData<TNotificationList>(queryKeys.notifications(), (known = NONE) =>
          known.notifications.some((n) => n.id === added.id)
            ? known
            : {
                notifications: [added, ...known.notifications],
                unread: known.unread + (added.readAt === null ? 1 : 0),
              },
        );
      },
    });
    return live.close;
  }, [queryClient]);

  return {
    ...list,
    markRead: async (ids) => {
      queryClient.setQueryData(queryKeys.notifications(), await markNotificationsRead(ids));
    },
  };
}
