import * as Popover from "@radix-ui/react-popover";
import { isSmallSample, SMALL_SAMPLE_DEMANDS } from "@tideway/domain";
import { useState } from "react";
import { Link } from "wouter";
import { useT } from "../../i18n/use-t";
import { formatSeconds } from "../../ui/format";
import { notify } from "../../ui/notice-stack";
import { useNotifications } from "./use-notifications";
import "./notifications.css";

/** The bell in the app bar: unread count, and a panel listing SLE alerts with "mark as read". */
export function NotificationBell() {
  const t = useT();
  const { notifications, unread, markRead: markReadOnServer } = useNotifications();
  const [open, setOpen] = useState(false);

  const markRead = (ids?: string[]) => {
    markReadOnServer(ids).catch((error: unknown) =>
      notify(error instanceof Error ? error.message : t("bell.markFailed")),
    );
  };

  // Radix's Popover: Escape and a click outside close it, focus moves in and comes back to the bell.
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        className="bell-button"
        aria-label={unread > 0 ? t("bell.unread", { count: unread }) : t("bell.title")}
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
        <Popover.Content
          className="notification-panel popover-panel"
          aria-label={t("bell.title")}
          align="end"
          sideOffset={6}
        >
          <header>
            <h2>{t("bell.title")}</h2>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => markRead()}>
                {t("bell.markAll")}
              </button>
            )}
          </header>
          {notifications.length === 0 && <p className="muted">{t("bell.none")}</p>}
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
                    {t("bell.sle", {
                      threshold: n.threshold,
                      thresholdAge: formatSeconds(n.thresholdAge, "narrow"),
                      age: formatSeconds(n.age),
                      board: n.boardName,
                    })}
                    {n.sampleSize !== null && isSmallSample(n.sampleSize) && (
                      <span className="notification-small-sample" data-testid="bell-small-sample">
                        {" "}
                        {t("sle.smallSample", { count: n.sampleSize, minimum: SMALL_SAMPLE_DEMANDS })}
                      </span>
                    )}
                  </p>
                ) : (
                  <p className="notification-what" data-kind="mention">
                    {t("bell.mention", {
                      author: n.authorName ?? t("bell.someone"),
                      excerpt: n.excerpt,
                      board: n.boardName,
                    })}
                  </p>
                )}
                {!n.readAt && (
                  <button type="button" className="link-button" onClick={() => markRead([n.id])}>
                    {t("bell.markRead")}
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
