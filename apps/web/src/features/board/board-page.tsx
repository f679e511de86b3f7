import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { useT } from "../../i18n/use-t";
import { AcceptanceOverrideDialog } from "../portfolio/acceptance-override-dialog";
import { useBoardChildren } from "../portfolio/child-progress";
import { BoardFilterBar } from "./board-filter-bar";
import { BoardGrid } from "./board-grid";
import { BoardLoadFailure } from "./board-load-failure";
import { useBoardStore } from "./board-store";
import { BoardViewToggle } from "./board-view-toggle";
import { DemandEditorDialog } from "./demand-editor-dialog";
import { KeyboardShortcuts, KeyboardShortcutsButton } from "./keyboard-shortcuts";
import { LeaveBoardButton } from "./leave-board-button";
import { LiveStatus } from "./live-status";
import { UnmetCriteriaDialog } from "./unmet-criteria-dialog";
import { useBoardViewChoice } from "./use-board-view-choice";
import { useLiveBoard } from "./use-live-board";
import { useServiceLevelOf } from "./use-service-level";

export function BoardPage() {
  const { boardId } = useParams();
  useLiveBoard(boardId);
  useBoardChildren(boardId);
  useServiceLevelOf(boardId);
  const status = useBoardStore((s) => (s.boardId === boardId ? s.status : "loading"));
  const missing = useBoardStore((s) => s.status === "failed" && !s.retryable);
  const name = useBoardStore((s) => s.name);
  const key = useBoardStore((s) => s.key);
  const role = useBoardStore((s) => s.role);
  const [view, chooseView] = useBoardViewChoice();
  const t = useT();
  const documentTitle = name ? t("board.documentTitle", { name }) : "Tideway";

  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  if (missing) {
    return (
      <main className="board-page">
        <BoardLoadFailure />
      </main>
    );
  }

  return (
    <main className="board-page" data-view={view}>
      <header className="page-header">
        <h1>
          {name || t("board.fallbackName")} {key && <span className="board-key">{key}</span>}
        </h1>
        <LiveStatus />
        <Link to={`/boards/${boardId}/dashboard`}>{t("board.dashboard")}</Link>
        <Link to={`/boards/${boardId}/standup`}>{t("board.standup")}</Link>
        {role === "admin" && <Link to={`/boards/${boardId}/settings`}>{t("board.settings")}</Link>}
        <KeyboardShortcutsButton />
        {status === "ready" && boardId && <LeaveBoardButton boardId={boardId} boardName={name} />}
      </header>
      {status === "loading" && <p className="page-message">{t("board.loading")}</p>}
      {status === "failed" && <BoardLoadFailure />}
      {status === "ready" && (
        <>
          <div className="board-toolbar">
            <BoardFilterBar />
            <BoardViewToggle view={view} onChoose={chooseView} />
          </div>
          <BoardGrid />
        </>
      )}
      <UnmetCriteriaDialog />
      <AcceptanceOverrideDialog />
      <DemandEditorDialog />
      <KeyboardShortcuts />
    </main>
  );
}
