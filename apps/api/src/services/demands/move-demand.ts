import { ErrorCode, type TMoveDemandBody, type TMoveResult } from "@tideway/contracts";
import {
  changesDelivery,
  exitCriteriaApply,
  inProgressStageIds,
  limitsCheckedOnMove,
  needsOpenDependencyCount,
  orderStages,
  rankBetween,
  type StageRule,
  unmetCriteria,
  unmetCriteriaMessage,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import { requireDemandAccess } from "../access/require-board-role";
import type { BoardEventSink } from "../board-events";
import { announceToDependents } from "../dependencies/announce-to-dependents";
import { countOpenDependencies } from "../dependencies/count-open-dependencies";
import { checkAcceptanceGate } from "../portfolios/check-acceptance-gate";
import { toDemandView } from "./demand-view";
import {
  lockMoveSubject,
  type MoveSubject,
  readTargetCell,
  type TargetCellReads,
  writeMove,
} from "./move-statements";
import { TRANSACTION_OPTIONS } from "./transaction-options";
import { checkLaneWip, checkStageWip, lockLaneForEntry, lockStageForEntry } from "./wip-checks";

export interface MoveDeps {
  db: Db;
  events: BoardEventSink;
}

type Tx = Prisma.TransactionClient;

/**
 * Moves a demand to another stage, lane or position in one transaction
 * (DESIGN.md "Moving a demand"):
 * 1. lock the demand, then the target stage and lane rows (always in that
 *    order, so concurrent moves cannot deadlock), so two moves into a full
 *    stage cannot both pass the count (see wip-checks.ts);
 * 2. check the version, the WIP limits and the entry and exit criteria;
 * 3. update the demand and append one Transition;
 * 4. after commit, broadcast `demand.moved` with the board's new sequence number.
 * A retry with the same idempotency key returns the first answer and writes nothing.
 */
export async function moveDemand(
  { db, events }: MoveDeps,
  actorId: string,
  demandId: string,
  input: TMoveDemandBody,
  now = new Date(),
): Promise<TMoveResult> {
  const { boardId, boardKey } = await requireDemandAccess(db, actorId, demandId, "member");
  if (input.idempotencyKey) {
    const earlier = await earlierAnswer(db, actorId, input.idempotencyKey, demandId);
    if (earlier) return earlier;
  }

  let result: TMoveResult;
  const effects: MoveEffects = { deliveryChanged: false };
  try {
    result = await db.$transaction(
      (tx) => applyMove(tx, { id: boardId, key: boardKey }, actorId, demandId, input, now, effects),
      TRANSACTION_OPTIONS,
    );
  } catch (error) {
    // A concurrent retry with the same key committed first: answer as it did.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const earlier = await earlierAnswer(db, actorId, input.idempotencyKey, demandId);
      if (earlier) return earlier;
    }
    throw error;
  }
  events.publish({ seq: result.seq, boardId, type: "demand.moved", payload: { demand: result.demand } });
  if (effects.deliveryChanged) await announceToDependents({ db, events }, demandId).catch(() => {});
  return result;
}

/** What the committed move means beyond its own board's event. */
interface MoveEffects {
  /** Delivered or taken back: demands waiting on it changed between waiting and not. */
  deliveryChanged: boolean;
}

async function applyMove(
  tx: Tx,
  board: { id: string; key: string },
  actorId: string,
  demandId: string,
  input: TMoveDemandBody,
  now: Date,
  effects: MoveEffects,
): Promise<TMoveResult> {
  const boardId = board.id;
  const demand = await lockMoveSubject(tx, boardId, demandId, input.toStageId);
  if (!demand) throw new AppError(ErrorCode.NOT_FOUND, "Demand was not found (it may be archived).");
  if (input.expectedVersion !== undefined && input.expectedVersion !== demand.version) {
    throw new AppError(
      ErrorCode.VERSION_CONFLICT,
      "Someone else changed this demand a moment ago; the board has been refreshed, try again.",
      { expectedVersion: input.expectedVersion, currentVersion: demand.version },
    );
  }

  const { stages } = demand;
  const from = stages.find((stage) => stage.id === demand.stageId) as StageRule;
  const to = stages.find((stage) => stage.id === input.toStageId);
  if (!to) throw invalidField("toStageId", "is not a stage of this board");
  const toLaneId = input.toLaneId ?? demand.laneId;
  const toLane = demand.lanes.find((lane) => lane.id === toLaneId);
  if (!toLane) throw invalidField("toLaneId", "is not a lane of this board");

  const stageChanged = to.id !== demand.stageId;
  const laneChanged = toLaneId !== demand.laneId;
  const checked = limitsCheckedOnMove({ from, to, fromLaneId: demand.laneId, toLaneId }, stages);
  const countStage = checked.stage && to.wipLimit !== null;
  const countLane = checked.lane && toLane.wipLimit !== null;
  // Always the stage before the lane, as every writer does, so concurrent moves cannot deadlock.
  if (countStage) await lockStageForEntry(tx, to.id);
  if (countLane) await lockLaneForEntry(tx, toLane.id);
  const cell = await readTargetCell(tx, {
    demandId,
    stageId: to.id,
    laneId: toLaneId,
    countStage,
    laneWorkStageIds: countLane ? inProgressStageIds(stages) : null,
    neighbourId: input.beforeId ?? input.afterId ?? null,
  });
  let overWip = false;
  if (cell.stageCount !== null) overWip = checkStageWip(to, cell.stageCount);
  if (cell.laneCount !== null) overWip = checkLaneWip(toLane, cell.laneCount) || overWip;
  if (stageChanged) {
    const openDependencies = needsOpenDependencyCount(demand.criteria)
      ? await countOpenDependencies(tx, demandId)
      : 0;
    checkCriteria(demand, from, to, openDependencies);
    effects.deliveryChanged = changesDelivery(orderStages(stages), from.id, to.id);
    await checkAcceptanceGate(tx, {
      board,
      demandId,
      actorId,
      fromStageId: from.id,
      toStageId: to.id,
      stages,
      override: input.acceptanceOverride,
    });
  }

  const commitment = stages.find((stage) => stage.boundary === "commitment");
  const written = await writeMove(tx, {
    boardId,
    demandId,
    actorId,
    from: { stageId: demand.stageId, laneId: demand.laneId },
    to: { stageId: to.id, laneId: toLaneId },
    rank: rankInCell(cell, input),
    now,
    stageChanged,
    commits: demand.committedAt === null && commitment !== undefined && to.position >= commitment.position,
    logged: stageChanged || laneChanged,
    overWip,
  });
  const checks = demand.checkedCriterionIds.map((criterionId) => ({ criterionId }));
  const result: TMoveResult = {
    demand: toDemandView({ ...written.demand, checks }, board.key),
    seq: written.seq,
    overWip,
    transitionId: written.transitionId,
  };
  if (input.idempotencyKey) {
    await tx.idempotentMove.create({
      data: {
        actorId,
        key: input.idempotencyKey,
        demandId,
        response: result as unknown as Prisma.InputJsonValue,
      },
      select: { key: true },
    });
  }
  return result;
}

function checkCriteria(demand: MoveSubject, from: StageRule, to: StageRule, openDependencies: number): void {
  const checkExit = exitCriteriaApply(from, to);
  const checked = new Set(demand.checkedCriterionIds);
  const unmetExit = checkExit
    ? unmetCriteria(demand.criteria, from.id, "exit", checked, openDependencies)
    : [];
  if (unmetExit.length > 0) {
    throw new AppError(ErrorCode.EXIT_CRITERIA_UNMET, unmetCriteriaMessage(from.name, unmetExit, "exit"), {
      stageId: from.id,
      unmet: unmetExit.map(({ id, text }) => ({ id, text })),
    });
  }
  const unmetEntry = unmetCriteria(demand.criteria, to.id, "entry", checked, openDependencies);
  if (unmetEntry.length > 0) {
    throw new AppError(ErrorCode.ENTRY_CRITERIA_UNMET, unmetCriteriaMessage(to.name, unmetEntry, "entry"), {
      stageId: to.id,
      unmet: unmetEntry.map(({ id, text }) => ({ id, text })),
    });
  }
}

/**
 * A rank key just before `beforeId`, just after `afterId`, or at the end of the
 * cell. A neighbour that is no longer in the target cell (the client's view
 * was stale) falls back to the end rather than failing the move.
 */
function rankInCell(cell: TargetCellReads, input: Pick<TMoveDemandBody, "beforeId" | "afterId">): string {
  const { neighbourRank } = cell;
  if (neighbourRank !== null && input.beforeId) return rankBetween(cell.rankBelowNeighbour, neighbourRank);
  if (neighbourRank !== null && input.afterId) return rankBetween(neighbourRank, cell.rankAboveNeighbour);
  return rankBetween(cell.lastRank, null);
}

async function earlierAnswer(
  db: Db,
  actorId: string,
  key: string,
  demandId: string,
): Promise<TMoveResult | null> {
  const earlier = await db.idempotentMove.findUnique({ where: { actorId_key: { actorId, key } } });
  if (!earlier) return null;
  if (earlier.demandId !== demandId) {
    throw new AppError(
      ErrorCode.CONFLICT,
      "This idempotency key was already used for another demand; use a new key.",
    );
  }
  return earlier.response as unknown as TMoveResult;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
