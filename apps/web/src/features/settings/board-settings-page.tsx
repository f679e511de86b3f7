import { useEffect } from "react";
import { Link, useParams } from "wouter";
import { useT } from "../../i18n/use-t";
import { BoardLoadFailure } from "../board/board-load-failure";
import { useBoardStore } from "../board/board-store";
import { useLiveBoard } from "../board/use-live-board";
import { ExportBoardSection } from "../board-export/export-board-section";
import { ImportDemandsSection } from "../demand-import/import-demands-section";
import { AlertWebhookSettings } from "./alert-webhook-settings";
import { ChangeHistory } from "./change-history";
import { ForecastSettings } from "./forecast-settings";
import { LaneSettings } from "./lane-settings";
import { MemberSettings } from "./member-settings";
import { PipelineSettings } from "./pipeline-settings";
import { StageSettings } from "./stage-settings";

/** Stages, swim lanes, WIP limits and policies, criteria, members, and the delivery pipeline: how the board's flow is shaped and measured. */
export function BoardSettingsPage() {
  const t = useT();
  const { boardId } = useParams();
  useLiveBoard(boardId);
  const status = useBoardStore((s) => (s.boardId === boardId ? s.status : "loading"));
  const missing = useBoardStore((s) => s.status === "failed" && !s.retryable);
  const name = useBoardStore((s) => s.name);
  const role = useBoardStore((s) => s.role);
  const isAdmin = role === "admin";

  useEffect(() => {
    document.title = name ? t("settings.documentTitle", { name }) : t("settings.documentTitleLoading");
  }, [name, t]);

  if (missing) {
    return (
      <main className="settings-page">
        <BoardLoadFailure />
      </main>
    );
  }

  return (
    <main className="settings-page">
      <header className="page-header">
        <h1>{name ? t("settings.title", { name }) : t("settings.titleLoading")}</h1>
        <Link to={`/boards/${boardId}`}>{t("settings.back")}</Link>
      </header>
      {status === "loading" && <p className="page-message">{t("app.loading")}</p>}
      {status === "failed" && <BoardLoadFailure />}
      {status === "ready" && (
        <>
          <StageSettings />
          <LaneSettings />
          {isAdmin && boardId && <MemberSettings boardId={boardId} />}
          {isAdmin && boardId && <PipelineSettings boardId={boardId} />}
          {isAdmin && boardId && <AlertWebhookSettings boardId={boardId} />}
          {boardId && <ExportBoardSection boardId={boardId} />}
          {boardId && role !== "viewer" && <ImportDemandsSection boardId={boardId} />}
          {isAdmin && boardId && <ForecastSettings boardId={boardId} />}
          {isAdmin && boardId && <ChangeHistory key={boardId} boardId={boardId} />}
        </>
      )}
    </main>
  );
}
