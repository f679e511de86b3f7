import type { StageOrder } from "../stage-order";

/**
 * Ranks of the committed value stream: from the commitment point up to (not
 * including) delivery. Work before the commitment point is options, not
 * flow, and a backlog that grows is not stuck work; done is not stuck either.
 * Without a commitment stage everything before delivery counts.
 */
export function committedRanks(order: StageOrder): number[] {
  const first = order.commitment ?? 0;
  const ranks: number[] = [];
  for (let rank = first; rank < order.stages.length; rank++) {
    if (order.delivered !== null ? rank >= order.delivered : order.kindAt[rank] === "done") continue;
    ranks.push(rank);
  }
  return ranks;
}
