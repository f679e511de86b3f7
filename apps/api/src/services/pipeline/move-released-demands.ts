import { ErrorCode } from "@tideway/contracts";
import {
  deliveredStage,
  isCommittedStage,
  isDeliveredRank,
  orderStages,
  rankBetween,
  type StageRule,
} from "@tideway/domain";
import { AppError } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import { admitToStage } from "../demands/wip-checks";

type Tx = Prisma.TransactionClient;

interface LockedDemand {
  id: string;
  number: number;
  stage_id: string;
  lane_id: string;
  committed_at: Date | null;
  archived_at: Date | null;
}

export interface PipelineMoves {
  moved: string[];
  refused: { demandId: string; number: number; code: string; message: string }[];
}

/**
 * The pipeline's variant of a demand move (services/demands/move-demand.ts),
 * run inside the webhook's transaction when a production release ships
 * demands and the board has `releaseMovesToDone` on: each demand goes to the
 * Done stage (`deliveredStage`: the `delivered` boundary, else the first stage of kind done),
 * same lane, last in its cell, with one Transition whose actor is null (the
 * pipeline) and whose note (from `notes`, by demand id) names the release.
 *
 * Same locking as a person's move: the demand rows first (all of them, in id
 * order), then the Done stage row for its WIP limit, then the board row for
 * the sequence number (taken by the caller). A hard WIP limit on Done is
 * still enforced: the demand stays put and the refusal is reported.
 *
 * Entry criteria of Done and exit criteria of the stage left are NOT checked:
 * the release is the proof that the work shipped, and refusing to record
 * what already happened in production would only make the board lie. Lane
 * limits cannot apply (Done is not work in progress). Demands already in
 * Done or beyond, and archived ones, are left alone.
 */
export async function moveReleasedDemands(
  tx: Tx,
  boardId: string,
  notes: ReadonlyMap<string, string>,
  now: Date,
): Promise<PipelineMoves> {
  const outcome: PipelineMoves = { moved: [], refused: [] };
  const demandIds = [...notes.keys()];
  if (demandIds.length === 0) return outcome;
  const stages: StageRule[] = await tx.stage.findMany({ where: { boardId }, orderBy: { position: "asc" } });
  const order = orderStages(stages);
  const done = deliveredStage(order);
  const demands = await tx.$queryRaw<LockedDemand[]>`
    SELECT id::text AS id, number, stage_id::text AS stage_id, lane_id::text AS lane_id, committed_at, archived_at
    FROM demands WHERE id = ANY(${demandIds}::uuid[]) AND board_id = ${boardId}::uuid
    ORDER BY id FOR NO KEY UPDATE`;
  if (!done) {
    for (const demand of demands) {
      outcome.refused.push({
        demandId: demand.id,
        number: demand.number,
        code: ErrorCode.CONFLICT,
        message: "The board has no Done stage (a stage marking delivery or of kind done).",
      });
    }
    return outcome;
  }

  for (const demand of demands) {
    const from = order.rankOf.get(demand.stage_id);
    if (demand.archived_at !== null || from === undefined || isDeliveredRank(order, from)) continue;
    let overWip: boolean;
    try {
      overWip = await admitToStage(tx, done);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcome.refused.push({
        demandId: demand.id,
        number: demand.number,
        code: error.code,
        message: error.message,
      });
      continue;
    }
    const last = await tx.demand.findFirst({
      where: { stageId: done.id, laneId: demand.lane_id, archivedAt: null, NOT: { id: demand.id } },
      orderBy: { rank: "desc" },
      select: { rank: true },
    });
    const commits = demand.committed_at === null && isCommittedStage(order, done.id);
    await tx.demand.update({
      where: { id: demand.id },
      data: {
        stageId: done.id,
        rank: rankBetween(last?.rank ?? null, null),
        version: { increment: 1 },
        enteredStageAt: now,
        ...(commits ? { committedAt: now } : {}),
      },
    });
    await tx.transition.create({
      data: {
        boardId,
        demandId: demand.id,
        kind: "moved",
        fromStageId: demand.stage_id,
        toStageId: done.id,
        fromLaneId: demand.lane_id,
        toLaneId: demand.lane_id,
        at: now,
        actorId: null,
        overWip,
        note: notes.get(demand.id) ?? null,
      },
    });
    outcome.moved.push(demand.id);
  }
  return outcome;
}
