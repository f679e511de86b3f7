import { ErrorCode } from "@tideway/contracts";
import {
  inProgressStageIds,
  isInProgressStage,
  type LaneRule,
  type StageRule,
  wipVerdict,
} from "@tideway/domain";
import { AppError } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Locks the stage row and checks its WIP limit for one more demand. The lock
 * (FOR NO KEY UPDATE: it serialises entries into this stage but not the
 * foreign-key checks of other writes) is held until commit, so a concurrent
 * entry counts this one. Returns whether a soft limit was exceeded.
 */
export async function admitToStage(tx: Tx, stage: StageRule): Promise<boolean> {
  if (stage.wipLimit === null) return false;
  await lockStageForEntry(tx, stage.id);
  const count = await tx.demand.count({ where: { stageId: stage.id, archivedAt: null } });
  return checkStageWip(stage, count);
}

/** The stage's limit for one more demand, `count` already there: throws when hard, says whether soft was exceeded. */
export function checkStageWip(
  stage: Pick<StageRule, "id" | "name" | "wipLimit" | "wipPolicy">,
  count: number,
): boolean {
  return enforceWip(wipVerdict(stage, count), { stageId: stage.id });
}

/** The same for a lane's limit, `count` its demands in progress. */
export function checkLaneWip(lane: LaneRule, count: number): boolean {
  return enforceWip(wipVerdict(lane, count, "lane"), { laneId: lane.id });
}

/** The lock admitToStage takes, for callers that count in a statement of their own. */
export async function lockStageForEntry(tx: Tx, stageId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM stages WHERE id = ${stageId}::uuid FOR NO KEY UPDATE`;
}

/** The lock admitToLane takes (after the stage's, never before). */
export async function lockLaneForEntry(tx: Tx, laneId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM lanes WHERE id = ${laneId}::uuid FOR NO KEY UPDATE`;
}

/** The same for a lane's limit on work in progress (demands between commitment and delivery). */
export async function admitToLane(
  tx: Tx,
  lane: LaneRule,
  stages: readonly StageRule[],
  excludeDemandId: string | null,
): Promise<boolean> {
  if (lane.wipLimit === null) return false;
  await lockLaneForEntry(tx, lane.id);
  const count = await tx.demand.count({
    where: {
      laneId: lane.id,
      archivedAt: null,
      stageId: { in: inProgressStageIds(stages) },
      ...(excludeDemandId ? { id: { not: excludeDemandId } } : {}),
    },
  });
  return checkLaneWip(lane, count);
}

/**
 * One more demand entering `stage` in `lane` (created there, or restored from
 * the archive where it stood): the stage's limit, then the lane's while the
 * stage is in progress, both checked (and locked, stage before lane) even
 * when the first is already over a soft limit. Throws 409 WIP_LIMIT_REACHED
 * for a hard limit; returns whether a soft one was exceeded (the
 * Transition's over_wip). `demandId` is the entering demand when it already
 * exists, so it is never counted against itself.
 */
export async function admitDemand(
  tx: Tx,
  stage: StageRule,
  lane: LaneRule,
  stages: readonly StageRule[],
  demandId: string | null,
): Promise<boolean> {
  const overStage = await admitToStage(tx, stage);
  const overLane = isInProgressStage(stage, stages) && (await admitToLane(tx, lane, stages, demandId));
  return overStage || overLane;
}

/** Throws the 409 a hard limit gives; returns whether a soft limit was exceeded. */
function enforceWip(verdict: ReturnType<typeof wipVerdict>, place: Record<string, string>): boolean {
  if (verdict.outcome === "refused") {
    throw new AppError(ErrorCode.WIP_LIMIT_REACHED, verdict.message, {
      ...place,
      limit: verdict.limit,
      count: verdict.count,
    });
  }
  return verdict.outcome === "over-soft-limit";
}
