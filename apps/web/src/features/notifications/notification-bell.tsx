import * as Popover from "@radix-ui/react-popover";
import { DAY, fromSeconds } from "@tideway/domain";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { notify } from "../../ui/notice-stack";
import { useNotifications } from "./notifications-store";
import "./notifications.css";

const days = (seconds: number) => Math.floor(fromSeconds(seconds) / DAY);

/** The bell in the app bar: unread count, and a panel listing SLE alerts with "mark as read". */
export function NotificationBell() {
  const notifications = useNotifications((s) => s.notifications);
  const unread = useNotifications((s) => s.unread);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    useNotifications.getState().start();
    return () => useNotifications.getState().stop();
  }, []);

  const markRead = (ids?: string[]) => {
    useNotifications
      .getState()
      .markRead(ids)
      .catch((error: unknown) => notify(error instanceof Error ? error.message : "Could not mark as read."));
  };

  // Radix's Popover: Escape and a click outside close it, focus moves in and comes back to the bell.
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        className="bell-button"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
          />
        </svg>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="notification-panel" aria-label="Notifications" align="end" sideOffset={6}>
          <header>
            <h2>Notifications</h2>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => markRead()}>
                Mark all as read
              </button>
            )}
          </header>
          {notifications.length === 0 && <p className="muted">No alerts or mentions yet.</p>}
          <ul>
            {notifications.map((n) => (
              <li key={n.id} className={n.readAt ? "read" : "unread"}>
                <p>
                  <Link to={`/boards/${n.boardId}`} onClick={() => setOpen(false)}>
                    {n.demandKey}
                  </Link>{" "}
                  {n.demandTitle}
                </p>
                {n.kind === "sle" ? (
                  <p className="notification-what">
                    {n.threshold === "p85" ? "Past the SLE (p85" : "Past p50 ("} {days(n.thresholdAge)} d):{" "}
                    {days(n.age)} days since commitment · {n.boardName}
                  </p>
                ) : (
                  <p className="notification-what" data-kind="mention">
                    {n.authorName ?? "Someone"} mentioned you: “{n.excerpt}” · {n.boardName}
                  </p>
                )}
                {!n.readAt && (
                  <button type="button" className="link-button" onClick={() => markRead([n.id])}>
                    Mark as read
                  </button>
                )}
              </li>
            ))}
          </ul>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
