import { isInProgressRank, type StageOrder } from "../stage-order";
import type { Millis } from "../units";

/** One stage's time-in-stage evidence, however a panel gathered it. */
export interface StageWait {
  stageId: string;
  /** Nearest-rank median of the demands' time in the stage; null when no demand was there. */
  medianTime: Millis | null;
  /** Nearest-rank p85 of the same times; null when no demand was there. */
  p85Time: Millis | null;
}

/**
 * Where work waits longest: the one definition every panel uses (the
 * time-in-stage chart and "where flow is stuck" on the dashboard).
 *
 * - Scope: the committed stages only, from the commitment point up to (not
 *   including) delivery (`isInProgressRank`). Stages before the commitment
 *   point (Selection) hold options, not waiting work, so they are never
 *   named, however long cards sit there; done stages are not waiting either.
 * - Measure: the highest p85 time in stage, the tail being where work gets
 *   stuck (a median hides it); a tie goes to the higher median, a further tie
 *   to the earlier stage.
 *
 * Returns the stage id, or null when no committed stage has any time.
 *
 * Example (2-1-1 board): Selection p85 9 d, Design p85 3 d (median 1 d),
 * Development p85 3 d (median 2 d), Release p85 1 h: Development, since
 * Selection is before the commitment point and Development's median breaks
 * the tie with Design.
 */
export function whereWorkWaits(stages: readonly StageWait[], order: StageOrder): string | null {
  let longest: StageWait | null = null;
  let longestRank = Number.POSITIVE_INFINITY;
  for (const stage of stages) {
    const rank = order.rankOf.get(stage.stageId);
    if (rank === undefined || !isInProgressRank(order, rank) || stage.p85Time === null) continue;
    // An exact tie goes to the earlier stage.
    const tied = longest !== null && !waitsLonger(longest, stage) && rank < longestRank;
    if (waitsLonger(stage, longest) || tied) {
      longest = stage;
      longestRank = rank;
    }
  }
  return longest?.stageId ?? null;
}

/**
 * The longest-wait comparison: whether work waits longer in `stage` than in
 * `than`: a higher p85 time in stage, the higher median breaking a tie. A
 * stage no demand passed through (no p85) never waits longer; anything
 * waits longer than nothing. `whereWorkWaits` picks a board's stage with it,
 * and the portfolio's constraint picks across team boards with it.
 *
 * Example: p85 6 d, median 2 d waits longer than p85 6 d, median 1 d, and
 * than p85 5 d, median 5 d.
 */
export function waitsLonger(
  stage: Pick<StageWait, "p85Time" | "medianTime">,
  than: Pick<StageWait, "p85Time" | "medianTime"> | null,
): boolean {
  if (stage.p85Time === null) return false;
  if (than === null || than.p85Time === null) return true;
  return (
    stage.p85Time > than.p85Time ||
    (stage.p85Time === than.p85Time && (stage.medianTime ?? 0) > (than.medianTime ?? 0))
  );
}
