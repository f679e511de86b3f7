import { Link } from "react-router";
import { useBoardLive } from "./board-live-store";
import { useBoardStore } from "./board-store";

/** What a board page shows when its board would not load: a way back, or a way to try again. */
export function BoardLoadFailure() {
  const failure = useBoardStore((s) => s.failure);
  const retryable = useBoardStore((s) => s.retryable);
  if (!retryable) {
    return (
      <section className="page-message board-missing" aria-labelledby="board-missing-title">
        <h1 id="board-missing-title">{BOARD_MISSING}</h1>
        <p>Check the address, or ask one of the board's admins to add you.</p>
        <Link to="/" className="button-link primary">
          Back to your boards
        </Link>
      </section>
    );
  }
  return (
    <div role="alert" className="page-message">
      <p>{failure}</p>
      <button type="button" onClick={() => void useBoardLive.getState().refresh()}>
        Try again
      </button>
    </div>
  );
}

/**
 * One answer for a malformed id, an unknown board and a board the viewer is
 * not a member of: telling them apart would tell strangers which boards exist.
 */
export const BOARD_MISSING = "This board does not exist or you are not a member";

/** Whether a board request's status means the board is not there for this viewer. */
export function boardMissingStatus(status: number): boolean {
  return status === 400 || status === 403 || status === 404;
}
