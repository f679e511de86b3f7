import { ErrorCode, type TMoveResult } from "@tideway/contracts";
import { type CriterionRule, type LaneRule, unmetCriteriaMessage } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import { roleRefusal } from "../access/require-board-role";
import { demandViewRowFromJson, toDemandView } from "./demand-view";
import { checkLaneWip, checkStageWip } from "./wip-checks";

/*
 * The move is one SQL function, `tideway_move_demand` (prisma/migrations/
 * 20261207400000_move_function): one statement and one round trip, with no
 * separate BEGIN or COMMIT, so the board row's lock is held for one statement
 * (docs/decisions/012-move-function.md). This module is its only caller: it
 * sends the statement and turns the answer into a result or a typed error.
 * The rules it mirrors stay in `@tideway/domain`; the refusals carry the
 * counts and criteria, and the domain words the message.
 */

export interface MoveStatementInput {
  /** Null for a release moved by the pipeline (with `releaseNote`). */
  actorId: string | null;
  demandId: string;
  toStageId: string;
  toLaneId?: string | undefined;
  beforeId?: string | undefined;
  afterId?: string | undefined;
  expectedVersion?: number | undefined;
  idempotencyKey?: string | undefined;
  now: Date;
  /** The caller checked the acceptance gate in the transaction this statement runs in. */
  gateChecked: boolean;
  /** A release by the pipeline: no role, criteria or gate, no sequence number; the Transition's note. */
  releaseNote?: string | undefined;
}

/** What the statement stores as the idempotent answer and returns for a move it made. */
interface StoredMove {
  /** The demand's row as `to_jsonb` writes it. */
  demandRow: Record<string, unknown>;
  checkedCriterionIds: string[];
  /** Null for a pipeline release (its caller takes the sequence numbers). */
  seq: number | null;
  overWip: boolean;
  transitionId: string;
}

type Where = { boardId: string; boardKey: string };

type Refusal =
  | { refusal: "DEMAND_NOT_VISIBLE" | "DEMAND_ARCHIVED" | "IDEMPOTENCY_KEY_REUSED" }
  | { refusal: "STAGE_NOT_ON_BOARD" | "LANE_NOT_ON_BOARD" }
  | { refusal: "ROLE_TOO_LOW"; role: "viewer" }
  | { refusal: "VERSION_CONFLICT"; currentVersion: number }
  | { refusal: "STAGE_WIP" | "LANE_WIP"; count: number; place: LaneRule }
  | {
      refusal: "EXIT_CRITERIA_UNMET" | "ENTRY_CRITERIA_UNMET";
      stageId: string;
      stageName: string;
      unmet: CriterionRule[];
    };

export type MoveAnswer =
  /** `awaited`: other demands depend on this one (their "waiting on" may change: announce it). */
  | ({ moved: StoredMove; awaited: boolean } & Where)
  /** A retry of an idempotency key: the stored answer (older ones stored the reply itself). */
  | ({ earlier: StoredMove | TMoveResult } & Where)
  /** The move passes the acceptance gate of a demand with children on other boards. */
  | ({ gate: true } & Where)
  | Refusal;

type Sql = Pick<Db, "$queryRawUnsafe">;

/**
 * Sends the move. A concurrent request that stored the same idempotency key
 * first (a unique violation: nothing of this one was written) is answered
 * by sending it once more, which then finds that key's answer.
 */
export async function runMoveStatement(db: Sql, move: MoveStatementInput): Promise<MoveAnswer> {
  try {
    return await sendMove(db, move);
  } catch (error) {
    if (move.idempotencyKey && isUniqueViolation(error)) return sendMove(db, move);
    throw error;
  }
}

/** The statement, shared with the raw-SQL baseline (bench/raw-move-server.ts); its values: moveStatementValues. */
export const MOVE_STATEMENT = `SELECT tideway_move_demand($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, $6::uuid,
  $7::int, $8::text, $9::timestamptz, $10::boolean, $11::text) AS answer,
  EXISTS (SELECT 1 FROM demand_dependencies WHERE depends_on_id = $2::uuid) AS awaited`;

export function moveStatementValues(move: MoveStatementInput): unknown[] {
  return [
    move.actorId,
    move.demandId,
    move.toStageId,
    move.toLaneId ?? null,
    move.beforeId ?? null,
    move.afterId ?? null,
    move.expectedVersion ?? null,
    move.idempotencyKey ?? null,
    move.now,
    move.gateChecked,
    move.releaseNote ?? null,
  ];
}

async function sendMove(db: Sql, move: MoveStatementInput): Promise<MoveAnswer> {
  const [row] = await db.$queryRawUnsafe<{ answer: MoveAnswer; awaited: boolean }[]>(
    MOVE_STATEMENT,
    ...moveStatementValues(move),
  );
  if (!row) throw new Error("tideway_move_demand returned no row");
  return "moved" in row.answer ? { ...row.answer, awaited: row.awaited } : row.answer;
}

/** The reply to a move the statement made, or to a retry of one. */
export function moveResultOf(stored: StoredMove | TMoveResult, boardKey: string): TMoveResult {
  if ("demand" in stored) return stored;
  const row = demandViewRowFromJson(stored.demandRow, stored.checkedCriterionIds);
  return {
    demand: toDemandView(row, boardKey),
    seq: stored.seq ?? 0,
    overWip: stored.overWip,
    transitionId: stored.transitionId,
  };
}

/** The typed error a refusal answers with (the same codes, messages and details as the rules give). */
export function refusalError(answer: Refusal, expectedVersion: number | undefined): AppError {
  switch (answer.refusal) {
    case "DEMAND_NOT_VISIBLE":
      return new AppError(ErrorCode.NOT_FOUND, "Demand was not found.");
    case "ROLE_TOO_LOW":
      return roleRefusal(answer.role, "member");
    case "IDEMPOTENCY_KEY_REUSED":
      return new AppError(
        ErrorCode.CONFLICT,
        "This idempotency key was already used for another demand; use a new key.",
      );
    case "DEMAND_ARCHIVED":
      return new AppError(ErrorCode.NOT_FOUND, "Demand was not found (it may be archived).");
    case "VERSION_CONFLICT":
      return new AppError(
        ErrorCode.VERSION_CONFLICT,
        "Someone else changed this demand a moment ago; the board has been refreshed, try again.",
        { expectedVersion, currentVersion: answer.currentVersion },
      );
    case "STAGE_NOT_ON_BOARD":
      return invalidField("toStageId", "is not a stage of this board");
    case "LANE_NOT_ON_BOARD":
      return invalidField("toLaneId", "is not a lane of this board");
    case "STAGE_WIP":
      return wipRefusal(() => checkStageWip(answer.place, answer.count));
    case "LANE_WIP":
      return wipRefusal(() => checkLaneWip(answer.place, answer.count));
    case "EXIT_CRITERIA_UNMET":
    case "ENTRY_CRITERIA_UNMET": {
      const phase = answer.refusal === "EXIT_CRITERIA_UNMET" ? "exit" : "entry";
      return new AppError(
        ErrorCode[answer.refusal],
        unmetCriteriaMessage(answer.stageName, answer.unmet, phase),
        {
          stageId: answer.stageId,
          unmet: answer.unmet.map(({ id, text }) => ({ id, text })),
        },
      );
    }
  }
}

/** The domain's verdict on the count the statement refused at; it must refuse too. */
function wipRefusal(check: () => boolean): AppError {
  try {
    check();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("tideway_move_demand refused a WIP limit that wipVerdict allows");
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const meta = error.meta as { driverAdapterError?: { cause?: { originalCode?: string } } } | undefined;
  return error.code === "P2002" || meta?.driverAdapterError?.cause?.originalCode === "23505";
}
