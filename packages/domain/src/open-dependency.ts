import { isDeliveredRank, type StageOrder } from "./stage-order";

/**
 * A dependency is open while the demand depended on is neither delivered
 * (at or past its own board's delivery boundary, `isDeliveredRank`) nor
 * archived (dropped work holds nobody up). Open dependencies show as
 * "waiting on PAY-12" and fail a "no open dependencies" criterion.
 *
 * Example: PAY-12 in Testing on a board delivering at Done -> open; moved to
 * Done -> not open.
 */
export function isOpenDependency(
  dependsOn: { stageId: string; archived: boolean },
  order: StageOrder,
): boolean {
  if (dependsOn.archived) return false;
  const rank = order.rankOf.get(dependsOn.stageId);
  return rank === undefined || !isDeliveredRank(order, rank);
}

/**
 * Whether a move from one stage to another delivers the demand or takes it
 * back out of delivery: only then can the demands that wait on it change
 * between waiting and not.
 *
 * Example: Testing -> Done on a board delivering at Done -> true; Design -> Testing -> false.
 */
export function changesDelivery(order: StageOrder, fromStageId: string, toStageId: string): boolean {
  const delivered = (stageId: string) => {
    const rank = order.rankOf.get(stageId);
    return rank !== undefined && isDeliveredRank(order, rank);
  };
  return delivered(fromStageId) !== delivered(toStageId);
}
