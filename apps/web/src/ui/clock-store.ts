import { DAY } from "@tideway/domain";
import { create } from "zustand";

/** Ages on cards are in days; a tick every few minutes keeps them right without re-rendering often. */
const TICK_MS = 5 * 60 * 1000;

export const useClock = create<{ now: number }>()(() => ({ now: Date.now() }));

setInterval(() => useClock.setState({ now: Date.now() }), TICK_MS);

/** Whole days from an ISO timestamp to `now`. */
export function daysSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / DAY));
}
