import type { TMetrics } from "@tideway/contracts";
import { useEffect, useState } from "react";
import { useResource } from "../../api/use-resource";
import { translate } from "../../i18n/intl";
import { useBoardStore } from "../board/board-store";
import { fetchMetrics } from "./standup-api";

/** Changes come in bursts during a stand-up; the numbers are fetched again once a burst is over. */
const REFRESH_DELAY_MS = 3000;

/**
 * The board's metrics: fetched on opening, and again a little after each
 * change to the board. Until they arrive, or if they cannot be loaded, the
 * header shows dashes; the walk itself does not depend on them.
 */
export function useBoardMetrics(boardId: string | undefined): TMetrics | null {
  const settledBursts = useSettledChangeBursts(boardId);
  const metrics = useResource(
    boardId ? ["standup-metrics", boardId] : null,
    () => fetchMetrics(boardId as string),
    {
      failureMessage: translate("metrics.loadFailed"),
      refreshKey: settledBursts,
    },
  );
  return metrics.data;
}

/** Counts the bursts of changes to the board, each once no change has come for REFRESH_DELAY_MS. */
function useSettledChangeBursts(boardId: string | undefined): number {
  const [settled, setSettled] = useState(0);
  useEffect(() => {
    if (!boardId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = useBoardStore.subscribe((board, previous) => {
      if (board.boardId !== boardId || previous.status !== "ready" || board.seq === previous.seq) return;
      clearTimeout(timer);
      timer = setTimeout(() => setSettled((count) => count + 1), REFRESH_DELAY_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [boardId]);
  return settled;
}
