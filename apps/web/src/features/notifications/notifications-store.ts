import { type TNotification, type TNotificationList, ZNotification } from "@tideway/contracts";
import { create } from "zustand";
import { type AppSocketSubscription, subscribeToAppSocket } from "../../api/app-socket";
import { fetchNotifications, markNotificationsRead } from "./notifications-api";

interface NotificationsState {
  notifications: TNotification[];
  unread: number;
  /** Loads the list and listens for new ones on the tab's socket connection. */
  start: () => void;
  stop: () => void;
  markRead: (ids?: string[]) => Promise<void>;
}

let live: AppSocketSubscription | null = null;

/** The signed-in user's in-app notifications (SLE alerts of the boards they lead). */
export const useNotifications = create<NotificationsState>()((set, get) => {
  const apply = (list: TNotificationList) => set({ notifications: list.notifications, unread: list.unread });
  const reload = () => fetchNotifications().then(apply, () => {});
  return {
    notifications: [],
    unread: 0,
    start: () => {
      if (live) return;
      live = subscribeToAppSocket({
        // Connecting (again) may have missed some: the list is the truth.
        connect: () => void reload(),
        "notification:new": (raw) => {
          const parsed = ZNotification.safeParse(raw);
          if (!parsed.success) return;
          const known = get().notifications.some((n) => n.id === parsed.data.id);
          if (known) return;
          set((state) => ({
            notifications: [parsed.data, ...state.notifications],
            unread: state.unread + (parsed.data.readAt === null ? 1 : 0),
          }));
        },
      });
    },
    stop: () => {
      live?.close();
      live = null;
      set({ notifications: [], unread: 0 });
    },
    markRead: async (ids) => {
      apply(await markNotificationsRead(ids));
    },
  };
});
