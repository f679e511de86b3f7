import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TBoard, TMetrics } from "@tideway/contracts";
import { queryKeys } from "../../api/query-keys";
import { failureSentence } from "../../api/use-resource";
import { translate } from "../../i18n/intl";
import { fetchBoard } from "../board/board-api";
import { fetchMetrics } from "./dashboard-api";
import {
  type DashboardView,
  dashboardViewKey,
  isDefaultDashboardView,
  metricsQuery,
  windowProblem,
} from "./dashboard-view";

export interface DashboardData {
  /** Name, stages and lanes: the filters' choices and the aging chart's columns. */
  board: TBoard | null;
  /** The numbers on screen; kept while a newer fetch runs or fails, so the wall screen never blanks. */
  metrics: TMetrics | null;
  /** The numbers shown are the previous view's, until the new view's arrive. */
  updating: boolean;
  failure: string | null;
  /** When the numbers shown were fetched. */
  updatedAt: Date | null;
}

/**
 * A board's dashboard for a view (from the URL), as queries: the board's socket
 * makes the numbers stale after every change there (api/board-event-cache.ts) and
 * refetches the board after a settings change.
 */
export function useDashboardData(boardId: string | undefined, view: DashboardView): DashboardData {
  const board = useQuery({
    queryKey: queryKeys.boardSnapshot(boardId ?? ""),
    queryFn: () => fetchBoard(boardId as string),
    enabled: !!boardId,
  });
  const problem = windowProblem(view, new Date());
  const metrics = useQuery({
    queryKey: queryKeys.metrics(boardId ?? "", dashboardViewKey(view)),
    // Resolved when fetched, so a rolling window ends at the moment of each refresh.
    queryFn: () =>
      fetchMetrics(boardId as string, metricsQuery(view, new Date()), isDefaultDashboardView(view)),
    enabled: !!boardId && problem === null,
    placeholderData: keepPreviousData,
  });
  const failure =
    problem ??
    (metrics.isError ? failureSentence(metrics.error, translate("metrics.loadFailed")) : null) ??
    (board.isError ? failureSentence(board.error, translate("board.loadFailed")) : null);
  return {
    board: board.data ?? null,
    metrics: metrics.data ?? null,
    updating: metrics.isPlaceholderData,
    failure,
    updatedAt:
      metrics.dataUpdatedAt > 0 && !metrics.isPlaceholderData ? new Date(metrics.dataUpdatedAt) : null,
  };
}
