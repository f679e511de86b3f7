import { type TBoardInsights, ZBoardInsights } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { translate } from "../../i18n/intl";

/**
 * The board's flow insights, fetched again after changes on the board (the
 * board's socket makes them stale, api/board-event-cache.ts). Another board's
 * insights are never returned.
 */
export function useBoardInsights(boardId: string | undefined): {
  insights: TBoardInsights | null;
  failure: string | null;
} {
  const insights = useResource(
    boardId ? queryKeys.insights(boardId) : null,
    () => apiRequest("GET", `/api/boards/${boardId}/insights`, ZBoardInsights),
    { failureMessage: translate("dashboard.insights.loadFailed") },
  );
  return { insights: insights.data, failure: insights.error };
}
