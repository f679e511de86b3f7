import { useEffect, useState } from "react";
import { queryClient } from "../../api/query-client";
import { queryKeys } from "../../api/query-keys";
import { notify } from "../../ui/notice-stack";
import { subscribeToBoardEvents } from "./board-event-subscription";

export type LiveState = "offline" | "connecting" | "live";

/** Ages grow and rolling windows move even when nobody touches the board. */
const IDLE_REFRESH_MS = 5 * 60 * 1000;

/**
 * Keeps the dashboard in the board's live room while it is on screen: every
 * event there makes the numbers stale (api/board-event-cache.ts), and so does
 * time passing. Returns whether changes are arriving.
 */
export function useLiveDashboard(boardId: string | undefined): LiveState {
  const [live, setLive] = useState<LiveState>("offline");
  useEffect(() => {
    if (!boardId) return;
    const leave = subscribeToBoardEvents(boardId, {
      onLiveState: setLive,
      onRefused: (message) => notify(message),
    });
    const idleTimer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: queryKeys.boardFlow(boardId) }),
      IDLE_REFRESH_MS,
    );
    return () => {
      clearInterval(idleTimer);
      leave();
      setLive("offline");
    };
  }, [boardId]);
  return live;
}
