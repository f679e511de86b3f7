import { isInProgressRank, type StageOrder } from "../stage-order";

/**
 * Ranks of the committed value stream: the stages of work in progress, from
 * the commitment point up to (not including) delivery (`isInProgressRank`).
 * Work before the commitment point is options, not flow, and a backlog that
 * grows is not stuck work; done is not stuck either. Every panel that says
 * where work waits reads these stages (DESIGN "Metrics").
 */
export function committedRanks(order: StageOrder): number[] {
  const ranks: number[] = [];
  for (let rank = 0; rank < order.stages.length; rank++) if (isInProgressRank(order, rank)) ranks.push(rank);
  return ranks;
}
