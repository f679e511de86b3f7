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
