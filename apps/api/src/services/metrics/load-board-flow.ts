import type { Db } from "../../db/prisma";
import { notFound } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import {
  type BoardFlow,
  type BoardHistory,
  type BoardRow,
  type DemandRow,
  emptyHistory,
  type LoggedDemand,
  type SignalRow,
  type StageRow,
  setSignal,
} from "./board-history";
import { TransitionColumns } from "./transition-columns";

export type { BoardFlow } from "./board-history";

/** One part of the history as text: `board`, `stages`, `demands`, `signals`, or one chunk of `transitions`. */
interface HistoryPart {
  part: "board" | "stages" | "demands" | "signals" | "transitions";
  text: string | null;
}

/**
 * Reads a board's whole flow history (every demand with its transitions and
 * pipeline signals) from one snapshot, shaped for the pure metric functions.
 */
export async function loadBoardFlow(db: Db, boardId: string): Promise<BoardFlow> {
  return (await loadBoardHistory(db, boardId)).flow;
}

/**
 * The full read behind `loadBoardFlow`, in one statement (so one snapshot,
 * with no transaction round trips). A million log rows cost seconds when
 * each becomes a row object on the way (through Prisma, twice what `pg`
 * alone takes), and sorting them by demand on the server reads the table
 * in random order; so the server packs the log into a few large text chunks
 * in table order (demands by number, stages by position, times as epoch
 * milliseconds) and they are grouped by demand here (see
 * `TransitionColumns`), where each demand's short list mostly arrives in
 * order already.
 */
export async function loadBoardHistory(db: Db, boardId: string): Promise<BoardHistory> {
  // Parts as rows, not as one row with an array of chunks: reading a text[]
  // of tens of megabytes costs seconds in the driver's array parser.
  const parts = await db.$queryRaw<HistoryPart[]>`
    WITH stage_ids AS (
      SELECT coalesce(array_agg(id ORDER BY position), '{}') AS ids FROM stages WHERE board_id = ${boardId}::uuid
    ),
    ${signalsCte(boardId, Prisma.sql`TRUE`)}
    SELECT 'board' AS part, (${boardJson(boardId)}) AS text
    UNION ALL
    SELECT 'stages', (${stagesJson(boardId)})
    UNION ALL
    SELECT 'demands', string_agg(concat_ws(',', id, number, type, lane_id, to_json(title)), E'\n')
    FROM demands WHERE board_id = ${boardId}::uuid
    UNION ALL
    SELECT 'signals', string_agg(concat_ws(',', demand_id, coalesce(last_submission_at::text, ''),
      coalesce(released_at::text, '')), E'\n')
    FROM signals
    UNION ALL
    SELECT 'transitions', string_agg(concat_ws(',', t.id, CASE WHEN d.board_id = t.board_id THEN d.number ELSE 0 END,
        t.kind,
        coalesce(array_position((SELECT ids FROM stage_ids), t.from_stage_id)::text, t.from_stage_id::text, ''),
        coalesce(array_position((SELECT ids FROM stage_ids), t.to_stage_id)::text, t.to_stage_id::text),
        round(date_part('epoch', t.at) * 1000)::int8), E'\n')
    FROM transitions t JOIN demands d ON d.id = t.demand_id
    WHERE t.board_id = ${boardId}::uuid
    GROUP BY t.id >> 16`;
  const text = (part: HistoryPart["part"]) => parts.find((row) => row.part === part)?.text ?? "";
  const boardText = text("board");
  if (boardText === "") throw notFound("Board");
  const board = JSON.parse(boardText) as BoardRow;
  const stages = JSON.parse(text("stages")) as StageRow[];
  const history = emptyHistory(board, stages);

  const demandRows = parseDemands(text("demands"));
  demandRows.sort((a, b) => a.number - b.number);
  const byNumber: LoggedDemand[] = [];
  for (const row of demandRows) {
    const demand: LoggedDemand = { id: row.id, type: row.type, laneId: row.laneId, events: [], code: null };
    history.flow.demands.push(demand);
    history.flow.labels.set(row.id, { key: `${board.key}-${row.number}`, title: row.title });
    history.demandById.set(row.id, demand);
    history.numberById.set(row.id, row.number);
    byNumber[row.number] = demand;
  }

  const chunks = parts.flatMap(({ part, text: chunk }) => (part === "transitions" && chunk ? [chunk] : []));
  const transitions = new TransitionColumns(
    chunks,
    stages.map((stage) => stage.id),
  );
  transitions.appendTo(byNumber);
  history.transitionCount = transitions.length;
  history.maxTransitionId = transitions.maxId;

  const signals = parseSignals(text("signals"));
  for (const demand of history.demandById.values()) setSignal(demand, signals.get(demand.id));
  return history;
}

/** The board row with the database clock, as JSON text; shared with the change reader. */
export function boardJson(boardId: string): Prisma.Sql {
  return Prisma.sql`SELECT json_build_object('seq', seq, 'key', key, 'settings', settings,
      'readAt', round(date_part('epoch', now()) * 1000))::text
    FROM boards WHERE id = ${boardId}::uuid`;
}

export function stagesJson(boardId: string): Prisma.Sql {
  return Prisma.sql`SELECT coalesce(json_agg(json_build_object('id', id, 'name', name, 'position', position,
      'kind', kind, 'boundary', boundary) ORDER BY position), '[]')::text
    FROM stages WHERE board_id = ${boardId}::uuid`;
}

/**
 * `signals(demand_id, last_submission_at, released_at)` in epoch ms: for each
 * demand (of those `demandFilter` admits) the last code submission (commit or
 * merge) of this board's pipeline naming it, and the first production release
 * at or after it: a `release` (without an environment, or to a production
 * one) or a `deploy` to one of the board's production environments. The same
 * rule as `countsAsRelease` in packages/domain/src/release-rule.ts.
 */
export function signalsCte(boardId: string, demandFilter: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    code_signals AS (
      SELECT l.demand_id, e.kind, e.at, lower(e.environment) AS environment
      FROM code_event_demands l JOIN code_events e ON e.id = l.code_event_id
      WHERE e.board_id = ${boardId}::uuid AND ${demandFilter}
    ),
    production AS (
      SELECT coalesce(array_agg(lower(n.name)) FILTER (WHERE n.name IS NOT NULL), ARRAY['production']) AS names
      FROM boards b
      LEFT JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(b.settings -> 'productionEnvironments') = 'array'
          THEN b.settings -> 'productionEnvironments' END) AS n(name) ON true
      WHERE b.id = ${boardId}::uuid
    ),
    submissions AS (
      SELECT demand_id, max(at) AS last_at FROM code_signals WHERE kind IN ('commit', 'merge') GROUP BY demand_id
    ),
    signals AS (
      SELECT s.demand_id, round(date_part('epoch', s.last_at) * 1000)::int8 AS last_submission_at,
        round(date_part('epoch', min(r.at)) * 1000)::int8 AS released_at
      FROM submissions s
      CROSS JOIN production p
      LEFT JOIN code_signals r ON r.demand_id = s.demand_id AND r.at >= s.last_at
        AND ((r.kind = 'release' AND (r.environment IS NULL OR r.environment = ANY(p.names)))
          OR (r.kind = 'deploy' AND r.environment = ANY(p.names)))
      GROUP BY s.demand_id, s.last_at
    )`;
}

/** Lines of `id,number,type,laneId,"title as JSON"` (the title last, since it may hold commas). */
function parseDemands(text: string): DemandRow[] {
  const rows: DemandRow[] = [];
  for (const line of text === "" ? [] : text.split("\n")) {
    const [id = "", number = "", type = "", laneId = ""] = fields(line, 4);
    rows.push({
      id,
      number: Number(number),
      type,
      laneId,
      title: JSON.parse(line.slice(id.length + number.length + type.length + laneId.length + 4)) as string,
    });
  }
  return rows;
}

/** Lines of `demandId,lastSubmissionAt,releasedAt` in epoch ms, empty for none. */
function parseSignals(text: string): Map<string, SignalRow> {
  const signals = new Map<string, SignalRow>();
  for (const line of text === "" ? [] : text.split("\n")) {
    const [demandId = "", last = "", released = ""] = fields(line, 3);
    signals.set(demandId, {
      demandId,
      lastSubmissionAt: last === "" ? null : Number(last),
      releasedAt: released === "" ? null : Number(released),
    });
  }
  return signals;
}

/** The first `count` comma-separated fields of a line. */
function fields(line: string, count: number): string[] {
  const values: string[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    let end = line.indexOf(",", start);
    if (end === -1) end = line.length;
    values.push(line.slice(start, end));
    start = end + 1;
  }
  return values;
}
