import { lazy, useEffect } from "react";
import { Link, useParams } from "wouter";
import { useT } from "../../i18n/use-t";
import { withMessages } from "../../i18n/with-messages";
import { MountedOnceShown } from "../../ui/mounted-once-shown";
import { useAcceptanceOverride } from "../portfolio/acceptance-override-store";
import { useBoardChildren } from "../portfolio/child-progress";
import { BoardFilterBar } from "./board-filter-bar";
import { BoardGrid, preloadBoardDragLayer } from "./board-grid";
import { BoardLoadFailure } from "./board-load-failure";
import { useBoardStore } from "./board-store";
import { BoardViewToggle } from "./board-view-toggle";
import { useCriteriaDialog } from "./criteria-dialog-store";
import { useDemandEditor } from "./demand-editor-store";
import { KeyboardShortcuts, KeyboardShortcutsButton } from "./keyboard-shortcuts";
import { LeaveBoardButton } from "./leave-board-button";
import { LiveStatus } from "./live-status";
import { useBoardViewChoice } from "./use-board-view-choice";
import { useLiveBoard } from "./use-live-board";
import { useServiceLevelOf } from "./use-service-level";

// The board's dialogs load when they first open: the card's (its forms, comments, journey
// and pipeline record), the unmet criteria of a refused move, the acceptance gate's override.
const DemandEditorDialog = lazy(() =>
  withMessages("card-dialog", () => import("./demand-editor-dialog")).then((module) => ({
    default: module.DemandEditorDialog,
  })),
);
const UnmetCriteriaDialog = lazy(() =>
  withMessages("unmet-criteria", () => import("./unmet-criteria-dialog")).then((module) => ({
    default: module.UnmetCriteriaDialog,
  })),
);
const AcceptanceOverrideDialog = lazy(() =>
  withMessages("acceptance-override", () => import("../portfolio/acceptance-override-dialog")).then(
    (module) => ({
      default: module.AcceptanceOverrideDialog,
    }),
  ),
);

export function BoardPage() {
  const { boardId } = useParams();
  useEffect(preloadBoardDragLayer, []);
  useLiveBoard(boardId);
  useBoardChildren(boardId);
  useServiceLevelOf(boardId);
  const status = useBoardStore((s) => (s.boardId === boardId ? s.status : "loading"));
  const missing = useBoardStore((s) => s.status === "failed" && !s.retryable);
  const name = useBoardStore((s) => s.name);
  const key = useBoardStore((s) => s.key);
  const role = useBoardStore((s) => s.role);
  const [view, chooseView] = useBoardViewChoice();
  const editing = useDemandEditor((s) => s.demandId !== null);
  const checkingCriteria = useCriteriaDialog((s) => s.request !== null);
  const overriding = useAcceptanceOverride((s) => s.request !== null);
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
      <MountedOnceShown shown={checkingCriteria}>
        <UnmetCriteriaDialog />
      </MountedOnceShown>
      <MountedOnceShown shown={overriding}>
        <AcceptanceOverrideDialog />
      </MountedOnceShown>
      <MountedOnceShown shown={editing}>
        <DemandEditorDialog />
      </MountedOnceShown>
      <KeyboardShortcuts />
    </main>
  );
}
