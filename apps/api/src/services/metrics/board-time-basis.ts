import type { TimeBasis } from "@tideway/domain";

/** How the board counts durations (`Board.settings.timeBasis`); calendar time unless it says business days. */
export function boardTimeBasis(settings: unknown): TimeBasis {
  return (settings as { timeBasis?: unknown } | null)?.timeBasis === "business-days"
    ? "business-days"
    : "calendar";
}
