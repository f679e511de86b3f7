import type { FlowBoundary, FlowStage, StageKind } from "./flow-history";

/**
 * The board's stages in position order, with each stage's rank (0 = first
 * column) and the rank of each 2-1-1 boundary, so metrics compare ranks
 * instead of looking stages up per event.
 *
 * A boundary no stage is marked with falls back where one reading is
 * obvious: the commitment point to the first stage that is not a queue, and
 * delivery to the first `done` stage. The lane WIP rules ask the stage itself
 * instead (`isInProgressStage` in move-rules.ts: without a marked commitment
 * every queue is out, and every `done` stage is out), which differs only on
 * boards that put a queue after active work or a `done` stage before delivery. Development
 * start and end have no fallback; without them there is no development
 * cycle time and no board-based release lead time.
 */
export interface StageOrder {
  stages: readonly FlowStage[];
  rankOf: ReadonlyMap<string, number>;
  kindAt: readonly StageKind[];
  commitment: number | null;
  developmentStart: number | null;
  developmentEnd: number | null;
  delivered: number | null;
}

export function orderStages(stages: readonly FlowStage[]): StageOrder {
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
 * Whether a demand in the stage at `rank` is work in progress: at or past the
 * commitment point and not yet delivered. The aging chart and the cards' SLE
 * badges both ask this, so a card is badged exactly when it is on the chart.
 */
export function isInProgressRank(order: StageOrder, rank: number): boolean {
  if (rank >= order.stages.length || order.commitment === null || rank < order.commitment) return false;
  // Without a delivery point there is no done stage either (delivery falls back to the first).
  return order.delivered === null || rank < order.delivered;
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
