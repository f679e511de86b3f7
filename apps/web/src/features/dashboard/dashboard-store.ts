import type { TBoard, TMetrics } from "@tideway/contracts";
import { create } from "zustand";
import { ApiError } from "../../api/api-request";
import { translate } from "../../i18n/intl";
import { fetchBoardOutline, fetchMetrics } from "./dashboard-api";
import { type DashboardView, dashboardViewKey, metricsQuery, windowProblem } from "./dashboard-view";

export type LiveState = "offline" | "connecting" | "live";

interface DashboardState {
  boardId: string | null;
  view: DashboardView | null;
  board: TBoard | null;
  /** The numbers on screen; kept while a newer fetch runs or fails, so the wall screen never blanks. */
  metrics: TMetrics | null;
  /** Which view `metrics` belong to. */
  metricsKey: string | null;
  failure: string | null;
  updatedAt: Date | null;
  live: LiveState;
  /**
   * Counts refreshes caused by the board or the clock (not by a change of view), for the
   * panels whose numbers do not depend on the view's window: insights and forecasts.
   */
  boardChanges: number;
  /** Fetches the numbers again because the board changed or time passed. */
  refreshForBoardChange: () => Promise<void>;
  /** Shows a board's dashboard for a view (from the URL); fetches only when either changed. */
  show: (boardId: string, view: DashboardView) => void;
  /** Fetches the numbers again (after a board event, a reconnect, or as time passes). */
  refresh: () => Promise<void>;
  /** Fetches the stages and lanes again (after a settings change). */
  reloadBoard: () => Promise<void>;
  setLive: (live: LiveState) => void;
  leave: () => void;
}

let inFlight: Promise<void> | null = null;
let fetchAgain = false;

export const useDashboardStore = create<DashboardState>()((set, get) => ({
  boardId: null,
  view: null,
  board: null,
  metrics: null,
  metricsKey: null,
  failure: null,
  updatedAt: null,
  live: "offline",
  boardChanges: 0,

  refreshForBoardChange: () => {
    set((state) => ({ boardChanges: state.boardChanges + 1 }));
    return get().refresh();
  },

  show: (boardId, view) => {
    const state = get();
    const boardChanged = state.boardId !== boardId;
    if (!boardChanged && state.view && dashboardViewKey(state.view) === dashboardViewKey(view)) return;
    if (boardChanged) {
      set({ boardId, board: null, metrics: null, metricsKey: null, updatedAt: null });
      void get().reloadBoard();
    }
    set({ view, failure: null });
    void get().refresh();
  },

  refresh: () => {
    if (inFlight) {
      fetchAgain = true;
      return inFlight;
    }
    inFlight = (async () => {
      do {
        fetchAgain = false;
        await fetchCurrentView();
      } while (fetchAgain);
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  },

  reloadBoard: async () => {
    const boardId = get().boardId;
    if (!boardId) return;
    try {
      const board = await fetchBoardOutline(boardId);
      if (get().boardId === boardId) set({ board });
    } catch (error) {
      if (get().boardId === boardId) set({ failure: describe(error, translate("board.loadFailed")) });
    }
  },

  setLive: (live) => set({ live }),

  leave: () => {
    set({ boardId: null, view: null, board: null, metrics: null, metricsKey: null, failure: null });
  },
}));

/** One fetch of the numbers for whatever the dashboard shows now; an answer for an older view is dropped. */
async function fetchCurrentView(): Promise<void> {
  const { boardId, view } = useDashboardStore.getState();
  if (!boardId || !view) return;
  const key = dashboardViewKey(view);
  const now = new Date();
  const problem = windowProblem(view, now);
  if (problem) {
    useDashboardStore.setState({ failure: problem });
    return;
  }
  const isCurrent = () => {
    const state = useDashboardStore.getState();
    return state.boardId === boardId && state.view !== null && dashboardViewKey(state.view) === key;
  };
  try {
    const metrics = await fetchMetrics(boardId, metricsQuery(view, now));
    if (!isCurrent()) return;
    useDashboardStore.setState({ metrics, metricsKey: key, failure: null, updatedAt: new Date() });
  } catch (error) {
    if (isCurrent())
      useDashboardStore.setState({ failure: describe(error, translate("metrics.loadFailed")) });
  }
}

function describe(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
