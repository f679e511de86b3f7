import { z } from "zod";

// A module of its own, so a page that needs only this enum (the board's service level)
// does not bundle the metrics schemas with it.

/** How a board counts durations: calendar time, or business days (weekends left out). */
export const ZTimeBasis = z.enum(["calendar", "business-days"]);
