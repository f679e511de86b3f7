import type { TMetrics } from "@tideway/contracts";
import { useEffect, useState } from "react";
import { useBoardStore } from "../board/board-store";
import { fetchMetrics } from "./standup-api";

/** Changes come in bursts during a stand-up; the numbers are fetched again once a burst is over. */
const REFRESH_DELAY_MS = 3000;

/** The board's metrics: fetched on opening, and again a little after each change to the board. */
export function useBoardMetrics(boardId: string | undefined): TMetrics | null {
  const [fetched, setFetched] = useState<{ boardId: string; metrics: TMetrics } | null>(null);

  useEffect(() => {
    if (!boardId) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      fetchMetrics(boardId)
        .then((metrics) => {
          if (current) setFetched({ boardId, metrics });
        })
        // Without metrics the header shows dashes; the walk itself does not depend on them.
        .catch(() => undefined);
    };
    load();
    const stop = useBoardStore.subscribe((board, previous) => {
      if (board.boardId !== boardId || previous.status !== "ready" || board.seq === previous.seq) return;
      clearTimeout(timer);
      timer = setTimeout(load, REFRESH_DELAY_MS);
    });
    return () => {
      current = false;
      stop();
      clearTimeout(timer);
    };
  }, [boardId]);

  return fetched !== null && fetched.boardId === boardId ? fetched.metrics : null;
}
