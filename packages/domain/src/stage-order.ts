import type { FlowBoundary, FlowStage, StageKind } from "./flow-history";

/**
 * The board's stages in position order, with each stage's rank (0 = first
 * column) and the rank of each 2-1-1 boundary, so metrics compare ranks
 * instead of looking stages up per event.
 *
 * This is the one reading of the boundaries (DESIGN "One rule, one place"):
 * every service, the SLE sweep, the pipeline, the seed and the web app ask
 * it, through the functions below, instead of looking for a marked stage
 * themselves. A boundary no stage is marked with falls back where one
 * reading is obvious: the commitment point to the first stage that is not a
 * queue, and delivery to the first `done` stage. Development start and end
 * have no fallback; without them there is no development cycle time and no
 * board-based release lead time.
 */
export interface StageOrder<S extends FlowStage = FlowStage> {
  stages: readonly S[];
  rankOf: ReadonlyMap<string, number>;
  kindAt: readonly StageKind[];
  commitment: number | null;
  developmentStart: number | null;
  developmentEnd: number | null;
  delivered: number | null;
}

export function orderStages<S extends FlowStage>(stages: readonly S[]): StageOrder<S> {
  const ordered = [...stages].sort(
    (a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const rankOf = new Map(ordered.map((stage, rank) => [stage.id, rank]));
  const marked = (boundary: FlowBoundary): number | null => {
    const rank = ordered.findIndex((stage) => stage.boundary === boundary);
    return rank === -1 ? null : rank;
  };
  const first = (matches: (stage: FlowStage) => boolean): number | null => {
    const rank = ordered.findIndex(matches);
    return rank === -1 ? null : rank;
  };
  return {
    stages: ordered,
    rankOf,
    kindAt: ordered.map((stage) => stage.kind),
    commitment: marked("commitment") ?? first((stage) => stage.kind !== "queue"),
    developmentStart: marked("development_start"),
    developmentEnd: marked("development_end"),
    delivered: marked("delivered") ?? first((stage) => stage.kind === "done"),
  };
}

/**
 * Whether a demand in the stage at `rank` has passed the commitment point
 * (it is in the commitment stage or a later one). A demand entering such a
 * stage for the first time is committed at that instant: a move, a new
 * demand, the pipeline and the history replay (`boundaryTimes`) all stamp
 * `committedAt` by this rule.
 */
export function isCommittedRank(order: StageOrder, rank: number): boolean {
  return order.commitment !== null && rank >= order.commitment && rank < order.stages.length;
}

/** `isCommittedRank` for a stage id; an id the board does not list is not committed. */
export function isCommittedStage(order: StageOrder, stageId: string): boolean {
  const rank = order.rankOf.get(stageId);
  return rank !== undefined && isCommittedRank(order, rank);
}

/**
 * The stages at or past the commitment point, in column order. Which demands
 * are committed, and since when, depends on this set alone: a settings
 * change that leaves it alone leaves every `committedAt` as it was.
 */
export function committedStages<S extends FlowStage>(order: StageOrder<S>): S[] {
  return order.stages.filter((_, rank) => isCommittedRank(order, rank));
}

/**
 * Whether a demand in the stage at `rank` is work in progress: at or past the
 * commitment point and not yet delivered. The aging chart, the cards' SLE
 * badges, the stand-up's ages, the SLE sweep and the lane WIP limits all ask
 * this, so a card is badged exactly when it is on the chart.
 */
export function isInProgressRank(order: StageOrder, rank: number): boolean {
  if (!isCommittedRank(order, rank)) return false;
  // Without a delivery point there is no done stage either (delivery falls back to the first).
  return order.delivered === null || rank < order.delivered;
}

/** `isInProgressRank` for a stage id; an id the board does not list is not in progress. */
export function isInProgressStageId(order: StageOrder, stageId: string): boolean {
  const rank = order.rankOf.get(stageId);
  return rank !== undefined && isInProgressRank(order, rank);
}

/** The stages of work in progress (commitment point up to, not including, delivery), in column order. */
export function inProgressStages<S extends FlowStage>(order: StageOrder<S>): S[] {
  return order.stages.filter((_, rank) => isInProgressRank(order, rank));
}

/**
 * Whether a demand in the stage at `rank` is delivered: at or past the
 * delivery boundary (the stage marked `delivered`, else the first `done`
 * stage). The one reading of "delivered" for a demand's current place: the
 * metrics' delivery time, a business demand's children and the acceptance
 * gate all ask it.
 */
export function isDeliveredRank(order: StageOrder, rank: number): boolean {
  return order.delivered !== null && rank >= order.delivered;
}

/** The stage that means delivered (where the pipeline moves released demands), or null when the board has none. */
export function deliveredStage<S extends FlowStage>(order: StageOrder<S>): S | null {
  return order.delivered === null ? null : (order.stages[order.delivered] ?? null);
}

/** The commitment stage (marked, or the first stage that is not a queue), or null when every stage is a queue. */
export function commitmentStage<S extends FlowStage>(order: StageOrder<S>): S | null {
  return order.commitment === null ? null : (order.stages[order.commitment] ?? null);
}

/** The stages before delivery, the ones a stand-up walks (all of them on a board without a delivery point). */
export function stagesBeforeDelivery<S extends FlowStage>(order: StageOrder<S>): S[] {
  return order.delivered === null ? [...order.stages] : order.stages.slice(0, order.delivered);
}
