import { DAY } from "@tideway/domain";
import { create } from "./create-store";

/** Ages on cards are in days; a tick every few minutes keeps them right without re-rendering often. */
const TICK_MS = 5 * 60 * 1000;

/**
 * "Now" for what the page shows. A page the server rendered starts from the server's "now"
 * (first-page.ts), in the server and in the browser that hydrates it, so the ages match.
 */
export const useClock = create<{ now: number }>()(() => ({ now: Date.now() }));

// Only in the browser: a server renders each page at its own "now".
if (typeof window !== "undefined") setInterval(() => useClock.setState({ now: Date.now() }), TICK_MS);

/** Whole days from an ISO timestamp to `now`. */
export function daysSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / DAY));
}
