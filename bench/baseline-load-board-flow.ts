import { type DemandFlow, type EpochMs, epochMs, type FlowEvent, type FlowStage } from "@tideway/domain";
import type { Db } from "../apps/api/src/db/prisma";
import type { Prisma } from "../apps/api/src/generated/prisma/client";

interface BoardFlow {
  seq: number;
  stages: (FlowStage & { name: string })[];
  demands: DemandFlow[];
  /** Key and title for labelling charts, by demand id. */
  labels: Map<string, { key: string; title: string }>;
}

interface TransitionRow {
  demand_id: string;
  kind: FlowEvent["kind"];
  from_stage_id: string | null;
  to_stage_id: string;
  at: Date;
}

interface CodeSignalRow {
  demand_id: string;
  last_submission_at: Date | null;
  released_at: Date | null;
}

/**
 * The full read as it was before the incremental cache (kept for the
 * benchmark's before/after figures): every transition as a row through
 * Prisma, ordered by demand on the server. It used to run after every change.
 *
 * Reads a board's whole flow history (every demand with its transitions and
 * pipeline signals) from one snapshot, shaped for the pure metric functions.
 */
export async function loadBoardFlowBaseline(db: Db, boardId: string): Promise<BoardFlow> {
  // One snapshot: the sequence number must describe exactly the rows read.
  const rows = await db.$transaction((tx) => readFlowRows(tx, boardId), {
    isolationLevel: "RepeatableRead",
    timeout: 60_000,
    maxWait: 5_000,
  });
  return assembleBoardFlow(rows);
}

async function readFlowRows(tx: Prisma.TransactionClient, boardId: string) {
  const board = await tx.board.findUniqueOrThrow({
    where: { id: boardId },
    select: { key: true, seq: true },
  });
  const stages = await tx.stage.findMany({
    where: { boardId },
    orderBy: { position: "asc" },
    select: { id: true, name: true, position: true, kind: true, boundary: true },
  });
  const demands = await tx.demand.findMany({
    where: { boardId },
    select: { id: true, number: true, title: true, type: true, laneId: true },
  });
  const transitions = await tx.$queryRaw<TransitionRow[]>`
    SELECT demand_id, kind, from_stage_id, to_stage_id, at FROM transitions
    WHERE board_id = ${boardId}::uuid ORDER BY demand_id, at, id`;
  // The last code submission (commit or merge) naming each demand, and the
  // first release after it.
  const signals = await tx.$queryRaw<CodeSignalRow[]>`
    WITH submissions AS (
      SELECT l.demand_id, max(e.at) AS last_submission_at
      FROM code_event_demands l JOIN code_events e ON e.id = l.code_event_id
      WHERE e.board_id = ${boardId}::uuid AND e.kind IN ('commit', 'merge')
      GROUP BY l.demand_id
    )
    SELECT s.demand_id, s.last_submission_at,
      (SELECT min(e.at) FROM code_event_demands l JOIN code_events e ON e.id = l.code_event_id
       WHERE l.demand_id = s.demand_id AND e.kind = 'release' AND e.at >= s.last_submission_at) AS released_at
    FROM submissions s`;
  return { board, stages, demands, transitions, signals };
}

function assembleBoardFlow({
  board,
  stages,
  demands,
  transitions,
  signals,
}: Awaited<ReturnType<typeof readFlowRows>>): BoardFlow {
  const eventsByDemand = new Map<string, FlowEvent[]>();
  for (const row of transitions) {
    let events = eventsByDemand.get(row.demand_id);
    if (!events) {
      events = [];
      eventsByDemand.set(row.demand_id, events);
    }
    events.push({
      at: epochMs(row.at.getTime()),
      kind: row.kind,
      toStageId: row.to_stage_id,
      fromStageId: row.from_stage_id,
    });
  }
  const signalByDemand = new Map(signals.map((row) => [row.demand_id, row]));
  const toEpoch = (date: Date | null): EpochMs | null => (date ? epochMs(date.getTime()) : null);

  return {
    seq: Number(board.seq),
    stages,
    demands: demands.map((demand) => {
      const signal = signalByDemand.get(demand.id);
      return {
        id: demand.id,
        type: demand.type,
        laneId: demand.laneId,
        events: eventsByDemand.get(demand.id) ?? [],
        code: signal
          ? { lastSubmissionAt: toEpoch(signal.last_submission_at), releasedAt: toEpoch(signal.released_at) }
          : null,
      };
    }),
    labels: new Map(demands.map((d) => [d.id, { key: `${board.key}-${d.number}`, title: d.title }])),
  };
}
