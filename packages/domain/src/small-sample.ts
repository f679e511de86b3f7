/**
 * DESIGN "Metrics": a summary built on fewer demands than this says so next
 * to its numbers. With nine deliveries one slow demand moves the p85 from
 * "goal met" to "goal missed", so such a verdict is shown with a warning,
 * never bare.
 */
export const SMALL_SAMPLE_DEMANDS = 10;

/** Whether a summary of `count` demands is too small to read without care (an empty one is "no data" instead). */
export function isSmallSample(count: number): boolean {
  return count > 0 && count < SMALL_SAMPLE_DEMANDS;
}

/** What a goal verdict says: met, missed, or nothing to judge. */
export type GoalVerdict = "met" | "missed" | "none";

/** A verdict as every view must show it: never "met" or "missed" alone when the sample is small. */
export interface GoalReading {
  verdict: GoalVerdict;
  /** True when the verdict rests on 1 to 9 demands (`isSmallSample`): the view says so next to it. */
  smallSample: boolean;
  count: number;
}

/**
 * The one reading of a goal verdict for people: the dashboard's tiles, the
 * stand-up's 2-1-1 numbers, the portfolio tiles and the quarterly report all
 * show `verdict` with the small-sample warning when `smallSample` is set.
 *
 * Example: a delivery tile of one demand delivered in 3 days (goalMet true)
 * reads { verdict: "met", smallSample: true, count: 1 }: "Goal met, from 1
 * demand only (fewer than 10)", never a bare "Goal met".
 */
export function goalReading(summary: { count: number; goalMet: boolean | null }): GoalReading {
  const verdict: GoalVerdict = summary.goalMet === null ? "none" : summary.goalMet ? "met" : "missed";
  return { verdict, smallSample: verdict !== "none" && isSmallSample(summary.count), count: summary.count };
}
