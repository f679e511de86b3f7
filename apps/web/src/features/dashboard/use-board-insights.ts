import { type TBoardInsights, ZBoardInsights } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";
import { useResource } from "../../api/use-resource";
import { translate } from "../../i18n/intl";

/**
 * The board's flow insights, fetched again whenever `refreshKey` changes
 * (the dashboard passes its metrics, which the live connection refreshes
 * after every change on the board). Another board's insights are never returned.
 */
export function useBoardInsights(
  boardId: string | undefined,
  refreshKey: unknown,
): { insights: TBoardInsights | null; failure: string | null } {
  const insights = useResource(
    boardId ? ["insights", boardId] : null,
    () => apiRequest("GET", `/api/boards/${boardId}/insights`, ZBoardInsights),
    { failureMessage: translate("dashboard.insights.loadFailed"), refreshKey },
  );
  return { insights: insights.data, failure: insights.error };
}
