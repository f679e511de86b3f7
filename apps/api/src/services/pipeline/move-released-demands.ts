import { ErrorCode } from "@tideway/contracts";
import {
  deliveredStage,
  epochMs,
  isDeliveredRank,
  lastReopenedAt,
  orderStages,
  releaseMayMoveToDone,
  type StageMove,
  type StageRule,
} from "@tideway/domain";
import type { Prisma } from "../../generated/prisma/client";
import { refusalError, runMoveStatement } from "../demands/move-statement";

type Tx = Prisma.TransactionClient;

interface LockedDemand {
  id: string;
  number: number;
  stage_id: string;
  lane_id: string;
  archived_at: Date | null;
}

/** The release that ships a demand: the note its move to Done carries, and when it happened. */
export interface ReleaseToDone {
  note: string;
  releasedAt: Date;
}

export interface PipelineMoves {
  moved: string[];
  refused: { demandId: string; number: number; code: string; message: string }[];
}

/**
 * A demand move (the one move statement, services/demands/move-statement.ts)
 * made by the pipeline, run inside the webhook's transaction when a production release ships
 * demands and the board has `releaseMovesToDone` on: each demand goes to the
 * Done stage (`deliveredStage`: the `delivered` boundary, else the first stage of kind done),
 * same lane, last in its cell, with one Transition whose actor is null (the
 * pipeline) and whose note (from `releases`, by demand id) names the release.
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
 * Done or beyond, and archived ones, are left alone, and so are demands
 * reopened after the release happened (`releaseMayMoveToDone`): a late or
 * replayed delivery must not undo a person's decision to reopen.
 */
export async function moveReleasedDemands(
  tx: Tx,
  boardId: string,
  releases: ReadonlyMap<string, ReleaseToDone>,
  now: Date,
): Promise<PipelineMoves> {
  const outcome: PipelineMoves = { moved: [], refused: [] };
  const demandIds = [...releases.keys()];
  if (demandIds.length === 0) return outcome;
  const stages: StageRule[] = await tx.stage.findMany({ where: { boardId }, orderBy: { position: "asc" } });
  const order = orderStages(stages);
  const done = deliveredStage(order);
  const demands = await tx.$queryRaw<LockedDemand[]>`
    SELECT id::text AS id, number, stage_id::text AS stage_id, lane_id::text AS lane_id, archived_at
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
  const movesOf = await stageMoves(tx, demandIds);
  for (const demand of demands) {
    const from = order.rankOf.get(demand.stage_id);
    if (demand.archived_at !== null || from === undefined || isDeliveredRank(order, from)) continue;
    const release = releases.get(demand.id);
    const reopenedAt = lastReopenedAt(movesOf.get(demand.id) ?? [], done.position);
    if (!release || !releaseMayMoveToDone(epochMs(release.releasedAt.getTime()), reopenedAt)) continue;
    const answer = await runMoveStatement(tx, {
      actorId: null,
      demandId: demand.id,
      toStageId: done.id,
      now,
      gateChecked: true,
      releaseNote: release.note,
    });
    if ("refusal" in answer) {
      const error = refusalError(answer, undefined);
      outcome.refused.push({
        demandId: demand.id,
        number: demand.number,
        code: error.code,
        message: error.message,
      });
    } else {
      outcome.moved.push(demand.id);
    }
  }
  return outcome;
}

/** Every change of stage of `demandIds` (read after their rows are locked), by demand. */
async function stageMoves(tx: Tx, demandIds: string[]): Promise<Map<string, StageMove[]>> {
  const rows = await tx.$queryRaw<
    { demand_id: string; at: Date; from_position: number; to_position: number }[]
  >`
    SELECT t.demand_id::text AS demand_id, t.at, f.position AS from_position, s.position AS to_position
    FROM transitions t
    JOIN stages f ON f.id = t.from_stage_id
    JOIN stages s ON s.id = t.to_stage_id
    WHERE t.demand_id = ANY(${demandIds}::uuid[]) AND t.from_stage_id <> t.to_stage_id`;
  const moves = new Map<string, StageMove[]>();
  for (const row of rows) {
    const move = {
      at: epochMs(row.at.getTime()),
      fromPosition: row.from_position,
      toPosition: row.to_position,
    };
    moves.set(row.demand_id, [...(moves.get(row.demand_id) ?? []), move]);
  }
  return moves;
}
