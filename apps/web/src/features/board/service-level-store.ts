import { type TServiceLevel, ZServiceLevel } from "@tideway/contracts";
import { useEffect } from "react";
import { create } from "zustand";
import { apiRequest } from "../../api/api-request";
import { useClock } from "../../ui/clock-store";

/** The SLE changes only as deliveries come in; a card's badge may lag it by this much. */
const REFRESH_MS = 10 * 60 * 1000;

interface ServiceLevelState {
  boardId: string | null;
  level: TServiceLevel | null;
  fetchedAt: number;
  /** Loads the board's SLE unless it is loaded (or loading) and fresh. */
  ensure: (boardId: string, now: number) => void;
}

let loading: string | null = null;

/** The board's p50/p85 delivery cycle time, which the cards' SLE badges compare their age with. */
export const useServiceLevel = create<ServiceLevelState>()((set, get) => ({
  boardId: null,
  level: null,
  fetchedAt: 0,
  ensure: (boardId, now) => {
    const state = get();
    if (loading === boardId) return;
    if (state.boardId === boardId && now - state.fetchedAt < REFRESH_MS) return;
    loading = boardId;
    if (state.boardId !== boardId) set({ boardId, level: null, fetchedAt: 0 });
    apiRequest("GET", `/api/boards/${boardId}/service-level`, ZServiceLevel)
      .then((level) => {
        if (get().boardId === boardId) set({ level, fetchedAt: Date.now() });
      })
      // No badge is better than a wrong one; the next tick tries again.
      .catch(() => {})
      .finally(() => {
        if (loading === boardId) loading = null;
      });
  },
}));

/** Keeps the board's SLE loaded while its page is open, refreshing it as the clock ticks. */
export function useServiceLevelOf(boardId: string | undefined): void {
  const now = useClock((s) => s.now);
  useEffect(() => {
    if (boardId) useServiceLevel.getState().ensure(boardId, now);
  }, [boardId, now]);
}
