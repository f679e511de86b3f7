import { ErrorCode } from "@tideway/contracts";
import { deliveredStage, isDeliveredRank, orderStages, type StageRule } from "@tideway/domain";
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
  for (const demand of demands) {
    const from = order.rankOf.get(demand.stage_id);
    if (demand.archived_at !== null || from === undefined || isDeliveredRank(order, from)) continue;
    const answer = await runMoveStatement(tx, {
      actorId: null,
      demandId: demand.id,
      toStageId: done.id,
      now,
      gateChecked: true,
      releaseNote: notes.get(demand.id) ?? "",
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
