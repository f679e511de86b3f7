import { z } from "zod";
import { ZTimeBasis } from "./time-basis";

// Apart from insights.ts, whose alerts and advice the board does not load before it paints.

/** The board's service level expectation, for the alert badges on its cards. Seconds. */
export const ZServiceLevel = z.object({
  p50: z.number().nonnegative().nullable(),
  p85: z.number().nonnegative().nullable(),
  /** How the board counts a demand's age: all hours, or Monday to Friday only (UTC). */
  timeBasis: ZTimeBasis,
  /** How many deliveries p50 and p85 rest on (the last 30 days'); under 10 the badges say so. */
  sampleSize: z.number().int().nonnegative(),
});
export type TServiceLevel = z.infer<typeof ZServiceLevel>;
