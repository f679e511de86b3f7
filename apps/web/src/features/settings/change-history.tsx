import { useEffect, useRef, useState } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { useClock } from "../../ui/clock-store";
import { formatExact, formatTimeAgo } from "../../ui/format";
import { useBoardStore } from "../board/board-store";
import { fetchChangeHistory } from "./change-history-api";
import { type AuditContext, describeAuditEvent } from "./describe-audit-event";

const PAGE_SIZE = 20;

/**
 * Who changed the board's stages, lanes, criteria, members and delivery
 * settings, newest first, one sentence each. Board admins only (the API
 * refuses everyone else).
 */
export function ChangeHistory({ boardId }: { boardId: string }) {
  const t = useT();
  // The board store replaces its stages on every load of the board, and every settings
  // change (saved here or anywhere else) reloads it; demand moves do not.
  const stages = useBoardStore((s) => s.stages);
  // How many events the list shows; a refresh asks for as many again, from the newest.
  const wanted = useRef(PAGE_SIZE);
  const history = useResource(
    queryKeys.changeHistory(boardId),
    () => fetchChangeHistory(boardId, wanted.current),
    { failureMessage: t("settings.history.loadFailed"), refreshKey: stages },
  );
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const list = useRef<HTMLOListElement>(null);
  // Re-rendered as the clock ticks, so "2 minutes ago" moves on while the page stays open.
  useClock((s) => s.now);
  const now = Date.now();
  const context: AuditContext = { stageName: (id) => stages.find((stage) => stage.id === id)?.name };
  const events = history.data?.events ?? [];

  // A keyboard user carries on at the first older change instead of losing focus with the button.
  useEffect(() => {
    if (focusFrom === null || !list.current) return;
    const item = list.current.children[focusFrom];
    if (item instanceof HTMLElement) item.focus();
    setFocusFrom(null);
  }, [focusFrom]);

  async function showOlder() {
    const firstOlder = events.length;
    wanted.current = firstOlder + PAGE_SIZE;
    setLoadingOlder(true);
    try {
      await history.reload();
      setFocusFrom(firstOlder);
    } catch {
      // The section shows the failure (history.error); the button stays to try again.
    } finally {
      setLoadingOlder(false);
    }
  }

  return (
    <section className="settings-section" aria-labelledby="change-history-title">
      <h2 id="change-history-title">{t("settings.history.title")}</h2>
      <p className="hint">{t("settings.history.hint")}</p>
      {history.error && <p role="alert">{history.error}</p>}
      {history.status === "loading" && <p>{t("settings.history.loading")}</p>}
      {history.data && events.length === 0 && <p>{t("settings.history.none")}</p>}
      {events.length > 0 && (
        <ol ref={list} className="settings-list change-history-list" aria-label={t("settings.history.title")}>
          {events.map((event) => (
            <li key={event.id} tabIndex={-1}>
              {/* A save that changed several things reads as one whole sentence per change. */}
              {describeAuditEvent(event, context).map((sentence) => (
                <span key={sentence} className="history-sentence">
                  {sentence}
                </span>
              ))}{" "}
              ·{" "}
              <time className="hint" dateTime={event.at} title={formatExact(event.at)}>
                {formatTimeAgo(event.at, now)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {history.data?.next && (
        <button type="button" disabled={loadingOlder} onClick={() => void showOlder()}>
          {t("settings.history.older", { loading: loadingOlder ? "yes" : "no" })}
        </button>
      )}
    </section>
  );
}
