import type { TBusinessDemandProgress } from "@tideway/contracts";
import { create } from "zustand";
import { fetchBoardChildren } from "./board-children-api";

interface ChildProgressState {
  boardId: string | null;
  /** By business demand id; demands without children on team boards are absent. */
  progress: Record<string, TBusinessDemandProgress>;
  load: (boardId: string) => Promise<void>;
  clear: () => void;
}

/**
 * The children's progress of the business demands on the board shown: what
 * the business cards read. Loaded with the board and again after its
 * changes (see use-board-children.ts); an answer for another board is dropped.
 */
export const useChildProgress = create<ChildProgressState>()((set, get) => ({
  boardId: null,
  progress: {},
  load: async (boardId) => {
    if (get().boardId !== boardId) set({ boardId, progress: {} });
    const { demands } = await fetchBoardChildren(boardId);
    if (get().boardId !== boardId) return;
    set({ progress: Object.fromEntries(demands.map((demand) => [demand.demandId, demand])) });
  },
  clear: () => set({ boardId: null, progress: {} }),
}));
