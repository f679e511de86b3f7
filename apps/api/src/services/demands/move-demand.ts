import { ErrorCode, type TMoveDemandBody, type TMoveResult } from "@tideway/contracts";
import {
  exitCriteriaApply,
  isInProgressStage,
  rankBetween,
  type StageRule,
  unmetCriteria,
  unmetCriteriaMessage,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import { requireDemandAccess } from "../access/require-board-role";
import { type BoardEventSink, nextBoardSeq } from "../board-events";
import { demandViewSelect, toDemandView } from "./demand-view";
import { TRANSACTION_OPTIONS } from "./transaction-options";
import { admitToLane, admitToStage } from "./wip-checks";

export interface MoveDeps {
  db: Db;
  events: BoardEventSink;
}

type Tx = Prisma.TransactionClient;

interface LockedDemand {
  id: string;
  board_id: string;
  stage_id: string;
  lane_id: string;
  version: number;
  committed_at: Date | null;
}

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
  try {
    result = await db.$transaction(
      (tx) => applyMove(tx, { id: boardId, key: boardKey }, actorId, demandId, input, now),
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
  return result;
}

async function applyMove(
  tx: Tx,
  board: { id: string; key: string },
  actorId: string,
  demandId: string,
  input: TMoveDemandBody,
  now: Date,
): Promise<TMoveResult> {
  const boardId = board.id;
  const [demand] = await tx.$queryRaw<LockedDemand[]>`
    SELECT id, board_id, stage_id, lane_id, version, committed_at FROM demands
    WHERE id = ${demandId}::uuid AND archived_at IS NULL FOR NO KEY UPDATE`;
  if (!demand) throw new AppError(ErrorCode.NOT_FOUND, "Demand was not found (it may be archived).");
  if (input.expectedVersion !== undefined && input.expectedVersion !== demand.version) {
    throw new AppError(
      ErrorCode.VERSION_CONFLICT,
      "Someone else changed this demand a moment ago; the board has been refreshed, try again.",
      { expectedVersion: input.expectedVersion, currentVersion: demand.version },
    );
  }

  const [stages, lanes] = await Promise.all([
    tx.stage.findMany({ where: { boardId }, orderBy: { position: "asc" } }),
    tx.lane.findMany({ where: { boardId } }),
  ]);
  const from = stages.find((stage) => stage.id === demand.stage_id) as StageRule;
  const to = stages.find((stage) => stage.id === input.toStageId);
  if (!to) throw invalidField("toStageId", "is not a stage of this board");
  const toLaneId = input.toLaneId ?? demand.lane_id;
  const toLane = lanes.find((lane) => lane.id === toLaneId);
  if (!toLane) throw invalidField("toLaneId", "is not a lane of this board");

  const stageChanged = to.id !== demand.stage_id;
  const laneChanged = toLaneId !== demand.lane_id;
  let overWip = false;

  if (stageChanged) overWip = await admitToStage(tx, to);
  const entersLaneWork = isInProgressStage(to, stages) && (laneChanged || !isInProgressStage(from, stages));
  if (entersLaneWork) overWip = (await admitToLane(tx, toLane, stages, demandId)) || overWip;

  if (stageChanged) await checkCriteria(tx, demandId, from, to);

  const rank = await rankInCell(tx, demandId, to.id, toLaneId, input);
  const commitment = stages.find((stage) => stage.boundary === "commitment");
  const commits =
    demand.committed_at === null && commitment !== undefined && to.position >= commitment.position;
  const updated = await tx.demand.update({
    where: { id: demandId },
    data: {
      stageId: to.id,
      laneId: toLaneId,
      rank,
      version: { increment: 1 },
      ...(stageChanged ? { enteredStageAt: now } : {}),
      ...(commits ? { committedAt: now } : {}),
    },
    select: demandViewSelect,
  });

  let transitionId = "";
  if (stageChanged || laneChanged) {
    const transition = await tx.transition.create({
      data: {
        boardId,
        demandId,
        kind: "moved",
        fromStageId: demand.stage_id,
        toStageId: to.id,
        fromLaneId: demand.lane_id,
        toLaneId,
        at: now,
        actorId,
        overWip,
      },
      select: { id: true },
    });
    transitionId = transition.id.toString();
  }

  const seq = await nextBoardSeq(tx, boardId);
  const result: TMoveResult = {
    demand: toDemandView(updated, board.key),
    seq,
    overWip,
    transitionId,
  };
  if (input.idempotencyKey) {
    await tx.idempotentMove.create({
      data: {
        actorId,
        key: input.idempotencyKey,
        demandId,
        response: result as unknown as Prisma.InputJsonValue,
      },
    });
  }
  return result;
}

async function checkCriteria(tx: Tx, demandId: string, from: StageRule, to: StageRule): Promise<void> {
  const checkExit = exitCriteriaApply(from, to);
  const [criteria, checks] = await Promise.all([
    tx.criterion.findMany({
      where: {
        required: true,
        OR: [
          { stageId: to.id, phase: "entry" },
          ...(checkExit ? [{ stageId: from.id, phase: "exit" as const }] : []),
        ],
      },
      orderBy: { position: "asc" },
    }),
    tx.criterionCheck.findMany({ where: { demandId }, select: { criterionId: true } }),
  ]);
  const checked = new Set(checks.map((check) => check.criterionId));
  const unmetExit = checkExit ? unmetCriteria(criteria, from.id, "exit", checked) : [];
  if (unmetExit.length > 0) {
    throw new AppError(ErrorCode.EXIT_CRITERIA_UNMET, unmetCriteriaMessage(from.name, unmetExit, "exit"), {
      stageId: from.id,
      unmet: unmetExit.map(({ id, text }) => ({ id, text })),
    });
  }
  const unmetEntry = unmetCriteria(criteria, to.id, "entry", checked);
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
async function rankInCell(
  tx: Tx,
  demandId: string,
  stageId: string,
  laneId: string,
  input: Pick<TMoveDemandBody, "beforeId" | "afterId">,
): Promise<string> {
  const neighbourId = input.beforeId ?? input.afterId;
  const neighbour = neighbourId
    ? await tx.demand.findFirst({
        where: { id: neighbourId, stageId, laneId, archivedAt: null, NOT: { id: demandId } },
        select: { rank: true },
      })
    : null;
  const cell = { stageId, laneId, archivedAt: null, NOT: { id: demandId } };
  if (neighbour && input.beforeId) {
    const previous = await tx.demand.findFirst({
      where: { ...cell, rank: { lt: neighbour.rank } },
      orderBy: { rank: "desc" },
      select: { rank: true },
    });
    return rankBetween(previous?.rank ?? null, neighbour.rank);
  }
  if (neighbour && input.afterId) {
    const next = await tx.demand.findFirst({
      where: { ...cell, rank: { gt: neighbour.rank } },
      orderBy: { rank: "asc" },
      select: { rank: true },
    });
    return rankBetween(neighbour.rank, next?.rank ?? null);
  }
  const last = await tx.demand.findFirst({ where: cell, orderBy: { rank: "desc" }, select: { rank: true } });
  return rankBetween(last?.rank ?? null, null);
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
