import { Link } from "wouter";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { useBoardLive } from "./board-live-store";
import { useBoardStore } from "./board-store";

/** What a board page shows when its board would not load: a way back, or a way to try again. */
export function BoardLoadFailure() {
  const failure = useBoardStore((s) => s.failure);
  const retryable = useBoardStore((s) => s.retryable);
  const t = useT();
  if (!retryable) {
    return (
      <section className="page-message board-missing" aria-labelledby="board-missing-title">
        <h1 id="board-missing-title">{t("boardMissing.title")}</h1>
        <p>{t("boardMissing.help")}</p>
        <Link to="/" className="button-link primary">
          {t("boardMissing.back")}
        </Link>
      </section>
    );
  }
  return (
    <div role="alert" className="page-message">
      <p>{failure}</p>
      <button type="button" onClick={() => void useBoardLive.getState().refresh()}>
        {t("board.retry")}
      </button>
    </div>
  );
}

/**
 * One answer for a malformed id, an unknown board and a board the viewer is
 * not a member of: telling them apart would tell strangers which boards exist.
 */
export function boardMissingSentence(): string {
  return translate("boardMissing.title");
}

/** Whether a board request's status means the board is not there for this viewer. */
export function boardMissingStatus(status: number): boolean {
  return status === 400 || status === 403 || status === 404;
}
