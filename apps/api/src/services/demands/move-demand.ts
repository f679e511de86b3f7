import { ErrorCode, type TMoveDemandBody, type TMoveResult } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import type { BoardEventSink } from "../board-events";
import { announceToDependents } from "../dependencies/announce-to-dependents";
import { checkAcceptanceGate } from "../portfolios/check-acceptance-gate";
import {
  type MoveAnswer,
  type MoveStatementInput,
  moveResultOf,
  refusalError,
  runMoveStatement,
} from "./move-statement";
import { TRANSACTION_OPTIONS } from "./transaction-options";

export interface MoveDeps {
  db: Db;
  events: BoardEventSink;
}

/**
 * Moves a demand to another stage, lane or position (DESIGN.md "Moving a
 * demand") in one statement, `tideway_move_demand` (move-statement.ts): it
 * checks the caller's role, answers a retried idempotency key with the first
 * answer, locks the demand, then the target stage and lane rows (always in
 * that order, so concurrent moves cannot deadlock), checks the version, the
 * WIP limits and the entry and exit criteria, updates the demand, appends one
 * Transition, takes the board's next sequence number and stores the
 * idempotent answer. A refusal writes nothing. After it, `demand.moved` is
 * broadcast with that sequence number.
 *
 * A move that passes the acceptance gate of a business demand with children
 * on other boards runs in a transaction instead: the gate (which reads the
 * team boards' definitions of delivered) first, then the same statement.
 */
export async function moveDemand(
  { db, events }: MoveDeps,
  actorId: string,
  demandId: string,
  input: TMoveDemandBody,
  now = new Date(),
): Promise<TMoveResult> {
  const move: MoveStatementInput = {
    actorId,
    demandId,
    toStageId: input.toStageId,
    toLaneId: input.toLaneId,
    beforeId: input.beforeId,
    afterId: input.afterId,
    expectedVersion: input.expectedVersion,
    idempotencyKey: input.idempotencyKey,
    now,
    gateChecked: false,
  };
  let answer = await runMoveStatement(db, move);
  if ("gate" in answer) answer = await moveThroughGate(db, move, answer, input.acceptanceOverride);
  if ("refusal" in answer) throw refusalError(answer, input.expectedVersion);
  if ("gate" in answer) throw new Error("tideway_move_demand asked for the gate it was told was checked");
  if ("earlier" in answer) return moveResultOf(answer.earlier, answer.boardKey);
  const result = moveResultOf(answer.moved, answer.boardKey);
  events.publish({
    seq: result.seq,
    boardId: answer.boardId,
    type: "demand.moved",
    payload: { demand: result.demand },
  });
  // Demands waiting on this one show "waiting on" until it is delivered; a
  // move of one that others await may have changed that, so their boards hear of it.
  if (answer.awaited) await announceToDependents({ db, events }, demandId).catch(() => {});
  return result;
}

async function moveThroughGate(
  db: Db,
  move: MoveStatementInput,
  board: { boardId: string; boardKey: string },
  override: string | undefined,
): Promise<MoveAnswer> {
  return db.$transaction(async (tx) => {
    // The demand first, as the statement locks it, so the gate reads the stage it leaves.
    const [demand] = await tx.$queryRaw<{ stageId: string }[]>`
      SELECT stage_id::text AS "stageId" FROM demands WHERE id = ${move.demandId}::uuid FOR NO KEY UPDATE`;
    if (!demand) throw new AppError(ErrorCode.NOT_FOUND, "Demand was not found.");
    const stages = await tx.stage.findMany({
      where: { boardId: board.boardId },
      select: { id: true, position: true, kind: true, boundary: true },
    });
    await checkAcceptanceGate(tx, {
      board: { id: board.boardId, key: board.boardKey },
      demandId: move.demandId,
      actorId: move.actorId as string,
      fromStageId: demand.stageId,
      toStageId: move.toStageId,
      stages,
      override,
    });
    const answer = await runMoveStatement(tx, { ...move, gateChecked: true });
    // Refused after all (the stage filled up meanwhile): roll back the override's audit entry too.
    if ("refusal" in answer) throw refusalError(answer, move.expectedVersion);
    return answer;
  }, TRANSACTION_OPTIONS);
}
