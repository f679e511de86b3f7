import { useEffect } from "react";
import { Link, useParams } from "wouter";
import { useT } from "../../i18n/use-t";
import { AgingWorkChart } from "./aging-work-chart";
import { CumulativeFlowChart } from "./cumulative-flow-chart";
import { CycleTimeScatter } from "./cycle-time-scatter";
import { DashboardFilters, type ViewChange } from "./dashboard-filters";
import { DashboardLiveStatus } from "./dashboard-live-status";
import { readDashboardView, writeDashboardView } from "./dashboard-view";
import "./dashboard.css";
import { useSearchParams } from "../../routing";
import { FlowEfficiencyPanel } from "./flow-efficiency-panel";
import { ForecastPanel } from "./forecast-panel";
import { isoDay } from "./format-date";
import { HeadlineTiles } from "./headline-tiles";
import { InsightPanels } from "./insight-panels";
import { ThroughputChart } from "./throughput-chart";
import { TimeInStageChart } from "./time-in-stage-chart";
import { useDashboardData } from "./use-dashboard-data";
import { useLiveDashboard } from "./use-live-dashboard";
import { WindowLine } from "./window-line";

/** The live 2-1-1 dashboard of one board: what leads watch on the wall screen. */
export function DashboardPage() {
  const t = useT();
  const { boardId } = useParams();
  const [params, setParams] = useSearchParams();
  const view = readDashboardView(params);
  // The previous view's numbers stay on screen (`updating`) until the new view's arrive.
  const { board, metrics, updating, failure, updatedAt } = useDashboardData(boardId, view);
  const live = useLiveDashboard(boardId);

  useEffect(() => {
    document.title = board
      ? t("dashboard.documentTitle", { board: board.name })
      : t("dashboard.documentTitleLoading");
  }, [board, t]);

  // Applied to the URL as it is now (useSearchParams), so two quick changes both land.
  const changeView = (change: ViewChange) =>
    setParams((current) => writeDashboardView(change(readDashboardView(current))));
  const csvPrefix = `${board?.key ?? "board"}-${metrics ? isoDay(metrics.window.from) : ""}-${metrics ? isoDay(metrics.window.to) : ""}`;
  const stages = board?.stages ?? [];

  return (
    <main className="dashboard-page" aria-busy={updating}>
      <header className="page-header dashboard-header">
        <h1>
          {t("dashboard.title", { board: board?.name ?? t("board.fallbackName") })}{" "}
          {board && <span className="board-key">{board.key}</span>}
        </h1>
        <DashboardLiveStatus live={live} updatedAt={updatedAt} />
        <Link to={`/boards/${boardId}/report`}>{t("dashboard.report")}</Link>
        <Link to={`/boards/${boardId}`}>{t("dashboard.backToBoard")}</Link>
      </header>
      <DashboardFilters view={view} lanes={board?.lanes ?? []} onChange={changeView} />
      <WindowLine view={view} board={board} metrics={metrics} updating={updating} />
      {failure && (
        <p role="alert" className="dashboard-failure">
          {failure}
        </p>
      )}
      {!metrics && !failure && <p className="page-message">{t("dashboard.loading")}</p>}
      {metrics && (
        <>
          <HeadlineTiles metrics={metrics} csvPrefix={csvPrefix} />
          <section className="flow" aria-labelledby="flow-title">
            <h2 id="flow-title">{t("dashboard.flow")}</h2>
            <div className="chart-grid">
              <CycleTimeScatter metrics={metrics} csvPrefix={csvPrefix} />
              <CumulativeFlowChart metrics={metrics} csvPrefix={csvPrefix} />
              <AgingWorkChart metrics={metrics} stages={stages} csvPrefix={csvPrefix} />
              <ThroughputChart
                metrics={metrics}
                rolling={view.window.kind === "rolling" || view.window.to === null}
                csvPrefix={csvPrefix}
              />
              <TimeInStageChart metrics={metrics} stages={stages} csvPrefix={csvPrefix} />
              <FlowEfficiencyPanel metrics={metrics} csvPrefix={csvPrefix} />
            </div>
          </section>
          <InsightPanels boardId={boardId} csvPrefix={csvPrefix} />
          {boardId && (
            <ForecastPanel
              boardId={boardId}
              filter={{ lane: view.lane, type: view.type }}
              demands={board?.demands ?? []}
              csvPrefix={`${board?.key ?? "board"}-${isoDay(Date.now())}`}
            />
          )}
        </>
      )}
    </main>
  );
}
