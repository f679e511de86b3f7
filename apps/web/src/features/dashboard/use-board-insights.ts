import { type TBoardInsights, ZBoardInsights } from "@tideway/contracts";
import { useEffect, useState } from "react";
import { ApiError, apiRequest } from "../../api/api-request";

/**
 * The board's flow insights, fetched again whenever `refreshKey` changes
 * (the dashboard passes its metrics, which the live connection refreshes
 * after every change on the board).
 */
export function useBoardInsights(
  boardId: string | undefined,
  refreshKey: unknown,
): { insights: TBoardInsights | null; failure: string | null } {
  const [state, setState] = useState<{ insights: TBoardInsights | null; failure: string | null }>({
    insights: null,
    failure: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey only says when to fetch again.
  useEffect(() => {
    if (!boardId) return;
    let current = true;
    apiRequest("GET", `/api/boards/${boardId}/insights`, ZBoardInsights)
      .then((insights) => current && setState({ insights, failure: null }))
      .catch((error: unknown) => {
        const message = error instanceof ApiError ? error.message : "The insights could not be loaded.";
        if (current) setState((before) => ({ insights: before.insights, failure: message }));
      });
    return () => {
      current = false;
    };
  }, [boardId, refreshKey]);
  return state;
}
