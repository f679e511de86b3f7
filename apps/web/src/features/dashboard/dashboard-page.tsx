import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { Link, useParams } from "wouter";
import { useT } from "../../i18n/use-t";
import { DashboardFilters, type ViewChange } from "./dashboard-filters";
import { DashboardLiveStatus } from "./dashboard-live-status";
import { readDashboardView, writeDashboardView } from "./dashboard-view";
import "./dashboard.css";
import { useSearchParams } from "../../routing";
import { useHydrated } from "../../ui/use-hydrated";
import { isoDay } from "./format-date";
import { HeadlineTiles } from "./headline-tiles";
import { useDashboardData } from "./use-dashboard-data";
import { useLiveDashboard } from "./use-live-dashboard";
import { WindowLine } from "./window-line";

// The charts, insights and forecast come with the charting library once the tiles are on screen
// (the server preloads the chunk with the page: apps/api/src/web-app/first-paint-plan.ts).
const DashboardDetails = lazy(() =>
  import("./dashboard-details").then((module) => ({ default: module.DashboardDetails })),
);

/** The live 2-1-1 dashboard of one board: what leads watch on the wall screen. */
export function DashboardPage() {
  const t = useT();
  const { boardId } = useParams();
  const [params, setParams] = useSearchParams();
  const view = readDashboardView(params);
  // The previous view's numbers stay on screen (`updating`) until the new view's arrive.
  const { board, metrics, updating, failure, updatedAt } = useDashboardData(boardId, view);
  const live = useLiveDashboard(boardId);
  // Busy until the charts under the tiles are there too, as while the numbers update.
  const [detailsShown, setDetailsShown] = useState(false);
  const showDetails = useCallback(() => setDetailsShown(true), []);
  const hydrated = useHydrated();

  useEffect(() => {
    document.title = board
      ? t("dashboard.documentTitle", { board: board.name })
      : t("dashboard.documentTitleLoading");
  }, [board, t]);

  // Applied to the URL as it is now (useSearchParams), so two quick changes both land.
  const changeView = (change: ViewChange) =>
    setParams((current) => writeDashboardView(change(readDashboardView(current))));
  const csvPrefix = `${board?.key ?? "board"}-${metrics ? isoDay(metrics.window.from) : ""}-${metrics ? isoDay(metrics.window.to) : ""}`;

  return (
    <main className="dashboard-page" aria-busy={updating || (metrics !== null && !detailsShown)}>
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
          {/* The charts render in the browser only: see ui/use-hydrated.ts. */}
          {hydrated ? (
            <Suspense fallback={<p className="page-message">{t("app.loading")}</p>}>
              <DashboardDetails
                boardId={boardId}
                board={board}
                metrics={metrics}
                view={view}
                csvPrefix={csvPrefix}
                onShown={showDetails}
              />
            </Suspense>
          ) : (
            <p className="page-message">{t("app.loading")}</p>
          )}
        </>
      )}
    </main>
  );
}
