import { epochMs, type FlowEvent } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { notFound } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import {
  type BoardHistory,
  type BoardRow,
  type DemandRow,
  insertEvent,
  type SignalRow,
  type StageRow,
  setSignal,
  upsertDemand,
} from "./board-history";
import { boardJson, signalsCte, stagesJson } from "./load-board-flow";

/** Where the last read of a board's history left off. */
export interface FlowCursor {
  /** Transitions with a higher id are read again: some may have committed since. */
  floor: number;
  /** The ids above `floor` the history already holds (not sent again). */
  knownIds: number[];
  /** The board's sequence number at the last read. */
  seq: number;
  /** Edits and pipeline events recorded after this instant (epoch ms, database clock) are read again. */
  since: number;
}

export interface TransitionRow {
  id: number;
  demandId: string;
  kind: FlowEvent["kind"];
  fromStageId: string | null;
  toStageId: string;
  at: number;
}

export interface FlowChanges {
  board: BoardRow;
  stages: StageRow[];
  /** Transitions the history lacks, in id order. */
  transitions: TransitionRow[];
  /** Demands touched by those transitions, or (see `unexplained`) edited or named by the pipeline since. */
  demands: DemandRow[];
  signals: SignalRow[];
  /**
   * The sequence number moved by more than one per new transition (or less):
   * something besides moves changed, so demands edited and pipeline events
   * recorded since `cursor.since` were read too.
   */
  unexplained: boolean;
}

interface ChangesRow {
  board: string | null;
  stages: string;
  unexplained: boolean;
  transitions: string;
  demands: string;
  signals: string;
}

/**
 * What changed on a board since `cursor`, read in one statement (one
 * snapshot). Every change takes the next sequence number, and a move,
 * creation, block or archive also appends exactly one transition; when the
 * sequence number advanced by exactly the number of new transitions, the
 * demands those transitions name are all that changed, and the two scans of
 * recent edits and pipeline events are skipped.
 */
export async function readFlowChanges(db: Db, boardId: string, cursor: FlowCursor): Promise<FlowChanges> {
  const since = Prisma.sql`to_timestamp(${cursor.since}::float8 / 1000)`;
  const [row] = await db.$queryRaw<ChangesRow[]>`
    WITH delta AS (
      SELECT id, demand_id, kind, from_stage_id, to_stage_id, round(date_part('epoch', at) * 1000)::int8 AS at
      FROM transitions t
      WHERE board_id = ${boardId}::uuid AND id > ${cursor.floor}::int8
        AND NOT EXISTS (SELECT FROM unnest(${cursor.knownIds}::int8[]) AS known(id) WHERE known.id = t.id)
    ),
    unexplained AS (
      SELECT coalesce((SELECT seq FROM boards WHERE id = ${boardId}::uuid) - ${cursor.seq}::int8
        <> (SELECT count(*) FROM delta), TRUE) AS yes
    ),
    touched AS (
      SELECT demand_id AS id FROM delta
      UNION
      SELECT id FROM demands
      WHERE (SELECT yes FROM unexplained) AND board_id = ${boardId}::uuid AND updated_at > ${since}
      UNION
      SELECT l.demand_id FROM code_events e JOIN code_event_demands l ON l.code_event_id = e.id
      WHERE (SELECT yes FROM unexplained) AND e.board_id = ${boardId}::uuid AND e.received_at > ${since}
    ),
    ${signalsCte(boardId, Prisma.sql`l.demand_id IN (SELECT id FROM touched)`)}
    SELECT
      (${boardJson(boardId)}) AS board,
      (${stagesJson(boardId)}) AS stages,
      (SELECT yes FROM unexplained) AS unexplained,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'demandId', demand_id, 'kind', kind,
          'fromStageId', from_stage_id, 'toStageId', to_stage_id, 'at', at) ORDER BY id), '[]')::text
       FROM delta) AS transitions,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'number', number, 'title', title, 'type', type,
          'laneId', lane_id)), '[]')::text
       FROM demands WHERE board_id = ${boardId}::uuid AND id IN (SELECT id FROM touched)) AS demands,
      (SELECT coalesce(json_agg(json_build_object('demandId', demand_id,
          'lastSubmissionAt', last_submission_at, 'releasedAt', released_at)), '[]')::text
       FROM signals) AS signals`;
  if (!row?.board) throw notFound("Board");
  return {
    board: JSON.parse(row.board) as BoardRow,
    stages: JSON.parse(row.stages) as StageRow[],
    transitions: JSON.parse(row.transitions) as TransitionRow[],
    demands: JSON.parse(row.demands) as DemandRow[],
    signals: JSON.parse(row.signals) as SignalRow[],
    unexplained: row.unexplained,
  };
}

/** Brings `history` up to the snapshot `changes` was read from. */
export function applyFlowChanges(history: BoardHistory, changes: FlowChanges): void {
  const { board } = changes;
  history.flow.seq = board.seq;
  history.flow.stages = changes.stages;
  history.settings = board.settings;
  history.readAt = board.readAt;
  if (board.key !== history.boardKey) {
    history.boardKey = board.key;
    for (const [id, label] of history.flow.labels) {
      history.flow.labels.set(id, { ...label, key: `${board.key}-${history.numberById.get(id) ?? "?"}` });
    }
  }
  const signals = new Map(changes.signals.map((signal) => [signal.demandId, signal]));
  for (const row of changes.demands) setSignal(upsertDemand(history, row), signals.get(row.id));
  for (const row of changes.transitions) {
    history.transitionCount++;
    if (row.id > history.maxTransitionId) history.maxTransitionId = row.id;
    const demand = history.demandById.get(row.demandId);
    if (!demand) continue;
    insertEvent(demand.events, {
      id: row.id,
      at: epochMs(row.at),
      kind: row.kind,
      fromStageId: row.fromStageId,
      toStageId: row.toStageId,
    });
  }
}
