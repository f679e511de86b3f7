import { useEffect } from "react";
import { notify } from "../../ui/notice-stack";
import { subscribeToBoardEvents } from "./board-event-subscription";
import { useDashboardStore } from "./dashboard-store";

/** A burst of moves (a stand-up walking the board) becomes one fetch, 300 ms after the last event... */
const QUIET_MS = 300;
/** ...but a steady stream of events still refreshes the screen at least this often. */
const MAX_WAIT_MS = 1_500;
/** Ages grow and rolling windows move even when nobody touches the board. */
const IDLE_REFRESH_MS = 5 * 60 * 1000;

/** Keeps the dashboard's numbers current while it is on screen: refetches after every board event. */
export function useLiveDashboard(boardId: string | undefined): void {
  useEffect(() => {
    if (!boardId) return;
    const store = useDashboardStore.getState;
    let quietTimer: ReturnType<typeof setTimeout> | undefined;
    let firstPending: number | null = null;

    const refreshSoon = () => {
      const now = Date.now();
      firstPending ??= now;
      clearTimeout(quietTimer);
      const wait = Math.max(0, Math.min(QUIET_MS, firstPending + MAX_WAIT_MS - now));
      quietTimer = setTimeout(() => {
        firstPending = null;
        void store().refreshForBoardChange();
      }, wait);
    };

    const leave = subscribeToBoardEvents(boardId, {
      onChange: refreshSoon,
      onSettingsChange: () => void store().reloadBoard(),
      onLiveState: (live) => store().setLive(live),
      onRefused: (message) => notify(message),
    });
    const idleTimer = setInterval(() => void store().refreshForBoardChange(), IDLE_REFRESH_MS);

    return () => {
      clearTimeout(quietTimer);
      clearInterval(idleTimer);
      leave();
      store().setLive("offline");
    };
  }, [boardId]);
}
