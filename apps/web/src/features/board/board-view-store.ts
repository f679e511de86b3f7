import { createJSONStorage, persist } from "zustand/middleware";
import { create } from "../../ui/create-store";

/**
 * How the board is drawn: "standard" for a desk, "compact" for a laptop
 * screen (smaller cards, two title lines), "projector" for a room (titles
 * of at least 20 px at 1920x1080, all stages still on screen).
 */
export const BOARD_VIEWS = ["standard", "compact", "projector"] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

export function isBoardView(value: string | null): value is BoardView {
  return (BOARD_VIEWS as readonly string[]).includes(value ?? "");
}

interface BoardViewState {
  /** The view each user last chose, by user id. */
  viewByUser: Record<string, BoardView>;
  /** The lanes each user folded away, by `${userId}/${boardId}`. */
  collapsedLanes: Record<string, string[]>;
  chooseView: (userId: string, view: BoardView) => void;
  setLaneCollapsed: (userId: string, boardId: string, laneId: string, collapsed: boolean) => void;
}

const NO_LANES: string[] = [];

/**
 * The board's per-user display choices, kept in this browser's localStorage
 * (they are how one person likes to look at the board, not board settings,
 * so nothing about them goes to the server).
 */
export const useBoardView = create<BoardViewState>()(
  persist(
    (set, get) => ({
      viewByUser: {},
      collapsedLanes: {},
      chooseView: (userId, view) => set({ viewByUser: { ...get().viewByUser, [userId]: view } }),
      setLaneCollapsed: (userId, boardId, laneId, collapsed) => {
        const key = `${userId}/${boardId}`;
        const others = (get().collapsedLanes[key] ?? NO_LANES).filter((id) => id !== laneId);
        set({ collapsedLanes: { ...get().collapsedLanes, [key]: collapsed ? [...others, laneId] : others } });
      },
    }),
    { name: "tideway-board-view", version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);

export const selectCollapsedLanes =
  (userId: string | undefined, boardId: string | null) =>
  (state: BoardViewState): string[] =>
    (userId && boardId && state.collapsedLanes[`${userId}/${boardId}`]) || NO_LANES;
