import type { TDemand, TStage } from "@tideway/contracts";
import {
  epochMs,
  holdSeenOrder,
  type StandupCard,
  type StandupColumn,
  standupStages,
  standupWalk,
} from "@tideway/domain";

/** What the stand-up order needs to know of a demand, in the domain's units. */
export function toStandupCard(demand: TDemand): StandupCard {
  return {
    id: demand.id,
    number: demand.number,
    stageId: demand.stageId,
    type: demand.type,
    blocked: demand.blocked,
    committedAt: demand.committedAt === null ? null : epochMs(Date.parse(demand.committedAt)),
    enteredStageAt: epochMs(Date.parse(demand.enteredStageAt)),
  };
}

/**
 * The walk as it stands now: the board's stages right to left with their
 * cards in stand-up order, stages already visited kept in the order shown.
 */
export function currentWalk(
  stages: readonly TStage[],
  demands: Readonly<Record<string, TDemand>>,
  seen: Readonly<Record<string, readonly string[]>>,
): StandupColumn[] {
  const walked = new Set(standupStages(stages).map((stage) => stage.id));
  const cards = Object.values(demands)
    .filter((demand) => walked.has(demand.stageId))
    .map(toStandupCard);
  return holdSeenOrder(standupWalk(stages, cards), seen);
}
