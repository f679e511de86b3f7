import type { CriterionRule, LaneRule, StageRule } from "@tideway/domain";
import type { Prisma } from "../../generated/prisma/client";
import type { DemandViewRow } from "./demand-view";

type Tx = Prisma.TransactionClient;

/*
 * The SQL of the move transaction (move-demand.ts), written by hand because
 * the move is Tideway's hottest write: every statement is a round trip, a
 * parse-plan-execute in PostgreSQL and a pass through Prisma's query engine,
 * and the move's cost grows with their number. Prisma's model queries needed
 * 18 to 23 statements per move (a relation `select` alone is three); these
 * need 4 to 6 (docs/decisions/007-move-statements.md has the figures). The
 * rules themselves stay in TypeScript (`@tideway/domain`): SQL only reads and
 * writes.
 */

/** The locked demand with everything the move's rules read about its board. */
export interface MoveSubject {
  stageId: string;
  laneId: string;
  version: number;
  committedAt: Date | null;
  /** The board's stages in flow order. */
  stages: StageRule[];
  lanes: LaneRule[];
  /** Required criteria of the demand's current stage and of the target stage. */
  criteria: CriterionRule[];
  checkedCriterionIds: string[];
}

/**
 * Locks the demand (FOR NO KEY UPDATE: later writes to it wait, foreign-key
 * checks of other rows do not) and reads the rest in the same statement.
 * Null when the demand is not on this board or is archived.
 */
export async function lockMoveSubject(
  tx: Tx,
  boardId: string,
  demandId: string,
  toStageId: string,
): Promise<MoveSubject | null> {
  const [subject] = await tx.$queryRaw<MoveSubject[]>`
    SELECT d.stage_id AS "stageId", d.lane_id AS "laneId", d.version, d.committed_at AS "committedAt",
      (SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'position', s.position, 'kind', s.kind,
                'wipLimit', s.wip_limit, 'wipPolicy', s.wip_policy, 'boundary', s.boundary) ORDER BY s.position)
         FROM stages s WHERE s.board_id = d.board_id) AS stages,
      (SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'wipLimit', l.wip_limit,
                'wipPolicy', l.wip_policy) ORDER BY l.position)
         FROM lanes l WHERE l.board_id = d.board_id) AS lanes,
      (SELECT coalesce(json_agg(json_build_object('id', c.id, 'stageId', c.stage_id, 'text', c.text,
                'phase', c.phase, 'required', c.required, 'kind', c.kind) ORDER BY c.position), '[]')
         FROM criteria c WHERE c.required AND c.stage_id IN (d.stage_id, ${toStageId}::uuid)) AS criteria,
      ARRAY(SELECT criterion_id::text FROM criterion_checks WHERE demand_id = d.id) AS "checkedCriterionIds"
    FROM demands d
    WHERE d.id = ${demandId}::uuid AND d.board_id = ${boardId}::uuid AND d.archived_at IS NULL
    FOR NO KEY UPDATE`;
  return subject ?? null;
}

export interface TargetCellReads {
  /** Demands in the target stage; null when the stage's limit is not checked. */
  stageCount: number | null;
  /** Work in progress in the target lane apart from this demand; null when not checked. */
  laneCount: number | null;
  /** The ranks the new rank goes between (see move-demand.ts `rankInCell`). */
  neighbourRank: string | null;
  rankBelowNeighbour: string | null;
  rankAboveNeighbour: string | null;
  lastRank: string | null;
}

/**
 * The WIP counts and the target cell's ranks, in one statement sent after the
 * stage and lane rows are locked: under READ COMMITTED each statement sees
 * what committed before it began, so these counts include every move that
 * held the locks before this one.
 */
export async function readTargetCell(
  tx: Tx,
  target: {
    demandId: string;
    stageId: string;
    laneId: string;
    countStage: boolean;
    /** Stages whose demands count against the lane's limit, or null to skip the count. */
    laneWorkStageIds: string[] | null;
    neighbourId: string | null;
  },
): Promise<TargetCellReads> {
  const { demandId, stageId, laneId, countStage, laneWorkStageIds, neighbourId } = target;
  const [reads] = await tx.$queryRaw<TargetCellReads[]>`
    WITH cell AS NOT MATERIALIZED (
      SELECT rank FROM demands
      WHERE stage_id = ${stageId}::uuid AND lane_id = ${laneId}::uuid AND archived_at IS NULL
        AND id <> ${demandId}::uuid
    ), neighbour AS (
      SELECT rank FROM demands
      WHERE id = ${neighbourId}::uuid AND stage_id = ${stageId}::uuid AND lane_id = ${laneId}::uuid
        AND archived_at IS NULL AND id <> ${demandId}::uuid
    )
    SELECT
      CASE WHEN ${countStage} THEN (
        SELECT count(*)::int FROM demands WHERE stage_id = ${stageId}::uuid AND archived_at IS NULL
      ) END AS "stageCount",
      CASE WHEN ${laneWorkStageIds !== null} THEN (
        SELECT count(*)::int FROM demands
        WHERE lane_id = ${laneId}::uuid AND archived_at IS NULL AND id <> ${demandId}::uuid
          AND stage_id = ANY(${laneWorkStageIds ?? []}::uuid[])
      ) END AS "laneCount",
      (SELECT rank FROM neighbour) AS "neighbourRank",
      (SELECT rank FROM cell WHERE rank < (SELECT rank FROM neighbour) ORDER BY rank DESC LIMIT 1)
        AS "rankBelowNeighbour",
      (SELECT rank FROM cell WHERE rank > (SELECT rank FROM neighbour) ORDER BY rank LIMIT 1)
        AS "rankAboveNeighbour",
      -- ORDER BY .. LIMIT 1 walks the (stage, lane, rank) index from one end; max() would read the cell.
      (SELECT rank FROM cell ORDER BY rank DESC LIMIT 1) AS "lastRank"`;
  if (!reads) throw new Error("the target cell query returned no row");
  return reads;
}

export interface MoveWrite {
  boardId: string;
  demandId: string;
  actorId: string;
  from: { stageId: string; laneId: string };
  to: { stageId: string; laneId: string };
  rank: string;
  now: Date;
  stageChanged: boolean;
  commits: boolean;
  /** Whether the move changes stage or lane, and so appends a Transition. */
  logged: boolean;
  overWip: boolean;
}

export interface MoveWritten {
  demand: Omit<DemandViewRow, "checks">;
  /** Empty when nothing was logged (a reorder within the cell). */
  transitionId: string;
  seq: number;
}

/**
 * Updates the demand, appends its Transition and takes the board's next
 * sequence number, in one statement (data-modifying CTEs run exactly once
 * whether or not the outer query reads them). The board row's lock, held
 * until commit, orders the board's changes as the sequence numbers do.
 */
export async function writeMove(tx: Tx, move: MoveWrite): Promise<MoveWritten> {
  const { boardId, demandId, actorId, from, to, rank, now } = move;
  const [row] = await tx.$queryRaw<(MoveWritten["demand"] & { transitionId: string | null; seq: bigint })[]>`
    WITH moved AS (
      UPDATE demands SET stage_id = ${to.stageId}::uuid, lane_id = ${to.laneId}::uuid, rank = ${rank},
        version = version + 1, updated_at = ${now}::timestamptz,
        entered_stage_at = CASE WHEN ${move.stageChanged} THEN ${now}::timestamptz ELSE entered_stage_at END,
        committed_at = CASE WHEN ${move.commits} THEN ${now}::timestamptz ELSE committed_at END
      WHERE id = ${demandId}::uuid
      RETURNING id, number, title, description, type::text, size, parent_id AS "parentId", owner_id AS "ownerId",
        stage_id AS "stageId", lane_id AS "laneId", rank, blocked, blocked_reason AS "blockedReason",
        blocked_at AS "blockedAt", links, version, archived_at AS "archivedAt",
        entered_stage_at AS "enteredStageAt", committed_at AS "committedAt", created_at AS "createdAt",
        updated_at AS "updatedAt"
    ), logged AS (
      INSERT INTO transitions (board_id, demand_id, kind, from_stage_id, to_stage_id, from_lane_id, to_lane_id,
        at, actor_id, over_wip)
      SELECT ${boardId}::uuid, ${demandId}::uuid, 'moved'::"TransitionKind", ${from.stageId}::uuid,
        ${to.stageId}::uuid, ${from.laneId}::uuid, ${to.laneId}::uuid, ${now}::timestamptz, ${actorId}::uuid,
        ${move.overWip}
      WHERE ${move.logged}
      RETURNING id
    ), sequenced AS (
      UPDATE boards SET seq = seq + 1 WHERE id = ${boardId}::uuid RETURNING seq
    )
    SELECT moved.*, (SELECT id::text FROM logged) AS "transitionId", (SELECT seq FROM sequenced) AS seq
    FROM moved`;
  if (!row) throw new Error(`demand ${demandId} vanished inside its move`);
  const { transitionId, seq, ...demand } = row;
  return { demand, transitionId: transitionId ?? "", seq: Number(seq) };
}
