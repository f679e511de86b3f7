import type { TMetrics } from "@tideway/contracts";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { translate } from "../../i18n/intl";
import { fetchMetrics } from "./standup-api";

/** The server's default window: the stand-up asks for no other. */
const DEFAULT_WINDOW = "default";

/**
 * The board's metrics: fetched on opening, and again once a burst of changes
 * to the board is over (the board's socket invalidates them, see
 * api/board-event-cache.ts). Until they arrive, or if they cannot be loaded,
 * the header shows dashes; the walk itself does not depend on them.
 */
export function useBoardMetrics(boardId: string | undefined): TMetrics | null {
  const metrics = useResource(
    boardId ? queryKeys.metrics(boardId, DEFAULT_WINDOW) : null,
    () => fetchMetrics(boardId as string),
    { failureMessage: translate("metrics.loadFailed") },
  );
  return metrics.data;
}
