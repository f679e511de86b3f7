import { useEffect } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { AgingWorkChart } from "./aging-work-chart";
import { CumulativeFlowChart } from "./cumulative-flow-chart";
import { CycleTimeScatter } from "./cycle-time-scatter";
import { DashboardFilters, type ViewChange } from "./dashboard-filters";
import { DashboardLiveStatus } from "./dashboard-live-status";
import { describeWindow, readDashboardView, writeDashboardView } from "./dashboard-view";
import "./dashboard.css";
import { formatDay } from "../../ui/format";
import { FlowEfficiencyPanel } from "./flow-efficiency-panel";
import { ForecastPanel } from "./forecast-panel";
import { isoDay } from "./format-date";
import { HeadlineTiles } from "./headline-tiles";
import { InsightPanels } from "./insight-panels";
import { ThroughputChart } from "./throughput-chart";
import { TimeInStageChart } from "./time-in-stage-chart";
import { useDashboardData } from "./use-dashboard-data";
import { useLiveDashboard } from "./use-live-dashboard";

/** The live 2-1-1 dashboard of one board: what leads watch on the wall screen. */
export function DashboardPage() {
  const { boardId } = useParams();
  const [params, setParams] = useSearchParams();
  const view = readDashboardView(params);
  // The previous view's numbers stay on screen (`updating`) until the new view's arrive.
  const { board, metrics, updating, failure, updatedAt } = useDashboardData(boardId, view);
  const live = useLiveDashboard(boardId);

  useEffect(() => {
    document.title = board ? `${board.name} dashboard · Tideway` : "Dashboard · Tideway";
  }, [board]);

  // Applied to the URL as it is now, not as this render saw it: the router renders a navigation as a
  // transition, so two quick changes (a lane, then a type) could otherwise drop the first.
  const changeView = (change: ViewChange) =>
    setParams(writeDashboardView(change(readDashboardView(new URLSearchParams(window.location.search)))));
  const csvPrefix = `${board?.key ?? "board"}-${metrics ? isoDay(metrics.window.from) : ""}-${metrics ? isoDay(metrics.window.to) : ""}`;
  const stages = board?.stages ?? [];

  return (
    <main className="dashboard-page" aria-busy={updating}>
      <header className="page-header dashboard-header">
        <h1>
          {board?.name ?? "Board"} 2-1-1 dashboard {board && <span className="board-key">{board.key}</span>}
        </h1>
        <DashboardLiveStatus live={live} updatedAt={updatedAt} />
        <Link to={`/boards/${boardId}/report`}>Quarterly 2-1-1 report</Link>
        <Link to={`/boards/${boardId}`}>Back to the board</Link>
      </header>
      <DashboardFilters view={view} lanes={board?.lanes ?? []} onChange={changeView} />
      <p className="dashboard-window">
        {describeWindow(view)}
        {metrics && view.window.kind === "rolling" && `: ${formatDay(metrics.window.from)} to now (UTC)`}
        {view.lane &&
          board &&
          ` · lane ${board.lanes.find((lane) => lane.id === view.lane)?.name ?? "unknown"}`}
        {view.type && ` · ${view.type}s only`}
        {metrics?.timeBasis === "business-days" && " · durations in business days"}
        {updating && <span className="muted"> · updating…</span>}
      </p>
      {failure && (
        <p role="alert" className="dashboard-failure">
          {failure}
        </p>
      )}
      {!metrics && !failure && <p className="page-message">Loading the numbers…</p>}
      {metrics && (
        <>
          <HeadlineTiles metrics={metrics} csvPrefix={csvPrefix} />
          <section className="flow" aria-labelledby="flow-title">
            <h2 id="flow-title">Flow</h2>
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
