import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { AcceptanceOverrideDialog } from "../portfolio/acceptance-override-dialog";
import { useBoardChildren } from "../portfolio/use-board-children";
import { BoardGrid } from "./board-grid";
import { useBoardLive } from "./board-live-store";
import { useBoardStore } from "./board-store";
import { DemandEditorDialog } from "./demand-editor-dialog";
import { LeaveBoardButton } from "./leave-board-button";
import { LiveStatus } from "./live-status";
import { useServiceLevelOf } from "./service-level-store";
import { UnmetCriteriaDialog } from "./unmet-criteria-dialog";
import { useLiveBoard } from "./use-live-board";

export function BoardPage() {
  const { boardId } = useParams();
  useLiveBoard(boardId);
  useBoardChildren(boardId);
  useServiceLevelOf(boardId);
  const status = useBoardStore((s) => (s.boardId === boardId ? s.status : "loading"));
  const failure = useBoardStore((s) => s.failure);
  const retryable = useBoardStore((s) => s.retryable);
  const name = useBoardStore((s) => s.name);
  const key = useBoardStore((s) => s.key);
  const role = useBoardStore((s) => s.role);

  useEffect(() => {
    document.title = name ? `${name} · Tideway` : "Tideway";
  }, [name]);

  return (
    <main className="board-page">
      <header className="page-header">
        <h1>
          {name || "Board"} {key && <span className="board-key">{key}</span>}
        </h1>
        <LiveStatus />
        <Link to={`/boards/${boardId}/dashboard`}>Dashboard</Link>
        <Link to={`/boards/${boardId}/standup`}>Stand-up</Link>
        {role === "admin" && <Link to={`/boards/${boardId}/settings`}>Settings</Link>}
        {status === "ready" && boardId && <LeaveBoardButton boardId={boardId} boardName={name} />}
      </header>
      {status === "loading" && <p className="page-message">Loading the board…</p>}
      {status === "failed" && (
        <div role="alert" className="page-message">
          <p>{failure}</p>
          {retryable ? (
            <button type="button" onClick={() => void useBoardLive.getState().refresh()}>
              Try again
            </button>
          ) : (
            <Link to="/">Back to your boards</Link>
          )}
        </div>
      )}
      {status === "ready" && <BoardGrid />}
      <UnmetCriteriaDialog />
      <AcceptanceOverrideDialog />
      <DemandEditorDialog />
    </main>
  );
}
