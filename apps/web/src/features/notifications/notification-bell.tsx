import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { notify } from "../../ui/notice-stack";
import { useNotifications } from "./notifications-store";
import "./notifications.css";

const days = (seconds: number) => Math.floor(seconds / 86_400);

/** The bell in the app bar: unread count, and a panel listing SLE alerts with "mark as read". */
export function NotificationBell() {
  const notifications = useNotifications((s) => s.notifications);
  const unread = useNotifications((s) => s.unread);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    useNotifications.getState().start();
    return () => useNotifications.getState().stop();
  }, []);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !root.current?.contains(event.target as Node)
      ) {
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const markRead = (ids?: string[]) => {
    useNotifications
      .getState()
      .markRead(ids)
      .catch((error: unknown) => notify(error instanceof Error ? error.message : "Could not mark as read."));
  };

  return (
    <div className="notification-bell" ref={root}>
      <button
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        onClick={() => setOpen(!open)}
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
      </button>
      {open && (
        <section id={panelId} className="notification-panel" aria-label="Notifications">
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
        </section>
      )}
    </div>
  );
}
