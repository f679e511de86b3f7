import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import type pg from "pg";
import type { BenchBoard } from "./bench-boards";
import { STAGES } from "./bench-boards";
import { round1 } from "./bench-stats";
import { processTreeCpuSeconds } from "./process-cpu";

/**
 * Moves under load (issue 9, item 1): 50 concurrent clients moving demands
 * one stage on (Done reopens to Selection), as the board's own UI sends a
 * move (target lane, expected version, a fresh idempotency key). The clients
 * take the demands in turn from one shared cursor over all of them, skipping
 * any with a request in flight: autocannon 9 gives each request a fresh
 * context when one request is defined, so state kept per connection would
 * not carry over and the moves would pile onto the first demands (issue 19).
 * A refusal leaves the demand where it is; its next turn tries again.
 * Afterwards every acknowledged move must have exactly one Transition, no
 * hard limit may ever have been exceeded, and the moves per demand, counted
 * in the log, show how evenly the load spread.
 */

export interface MoveRun {
  /** Requests answered per second, refusals included. */
  requestsPerSecond: number;
  /** Acknowledged (2xx) moves per second. */
  movesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  acknowledged: number;
  /** 409s by code (WIP_LIMIT_REACHED, VERSION_CONFLICT, ...). */
  refused: Record<string, number>;
  /** Anything else: 4xx/5xx that are not 409, socket errors, timeouts. */
  failed: number;
  /** Every 2xx move has exactly one Transition, and no transition lacks its 2xx. */
  transitionsMatch: boolean;
  /** No hard stage or lane limit was exceeded at any point of the board's log. */
  limitsHeld: boolean;
  /** Moves logged per demand during the run (from the transition log). */
  movesPerCard: MovesPerCard;
  /** CPU milliseconds per answered request: the server process, PostgreSQL, the load generator. */
  serverCpuMsPerRequest: number;
  databaseCpuMsPerRequest: number;
  loadGeneratorCpuMsPerRequest: number;
}

export interface MoveLoad {
  url: string;
  apiToken: string;
  boards: BenchBoard[];
  connections: number;
  durationSeconds: number;
  /** Total requests per second across connections; unset: as fast as answers come. */
  overallRate?: number;
  /** Whose CPU time to account: the server process and the database's postmaster. */
  pids: { server: number; database: number };
}

interface TrackedDemand {
  id: string;
  boardIndex: number;
  stage: number;
  lane: number;
  version: number;
  inFlight: boolean;
}

/** What autocannon keeps for one request, from setupRequest to onResponse. */
interface RequestContext {
  current?: TrackedDemand;
}

export interface MovesPerCard {
  cards: number;
  /** Demands moved at least once. */
  moved: number;
  min: number;
  median: number;
  max: number;
}

export async function runMoveLoad(load: MoveLoad, check: pg.ClientBase): Promise<MoveRun> {
  const boardIndex = new Map(load.boards.map((board, index) => [board.id, index]));
  const rows = await check.query<{
    id: string;
    board_id: string;
    stage_id: string;
    lane_id: string;
    version: number;
  }>("SELECT id, board_id, stage_id, lane_id, version FROM demands WHERE board_id = ANY($1::uuid[])", [
    load.boards.map((board) => board.id),
  ]);
  const demands: TrackedDemand[] = rows.rows.map((row) => {
    const index = boardIndex.get(row.board_id) as number;
    const board = load.boards[index] as BenchBoard;
    return {
      id: row.id,
      boardIndex: index,
      stage: board.stageIds.indexOf(row.stage_id),
      lane: board.laneIds.indexOf(row.lane_id),
      version: row.version,
      inFlight: false,
    };
  });
  // Interleave boards (ids are random), so consecutive turns go to different boards.
  demands.sort((a, b) => a.id.localeCompare(b.id));
  let cursor = 0;
  /** The next demand in turn with no request in flight (the cursor is shared by every connection). */
  const nextDemand = (): TrackedDemand => {
    for (let tries = 0; tries < demands.length; tries++) {
      const demand = demands[cursor++ % demands.length] as TrackedDemand;
      if (!demand.inFlight) return demand;
    }
    // Only when a request timed out and was abandoned on every demand: a VERSION_CONFLICT may follow.
    return demands[cursor++ % demands.length] as TrackedDemand;
  };

  const boardIds = load.boards.map((board) => board.id);
  const before = await check.query<{ max: string | null }>("SELECT max(id)::text AS max FROM transitions");
  const startId = before.rows[0]?.max ?? "0";
  const acknowledgedMoves: { demandId: string; transitionId: string }[] = [];
  const refused: Record<string, number> = {};
  let acknowledged = 0;
  let failed = 0;

  const serverCpuBefore = processTreeCpuSeconds(load.pids.server, [load.pids.database]);
  const databaseCpuBefore = processTreeCpuSeconds(load.pids.database);
  const ownCpuBefore = process.cpuUsage();
  const result = await autocannon({
    url: load.url,
    timeout: 30,
    connections: load.connections,
    duration: load.durationSeconds,
    ...(load.overallRate ? { overallRate: load.overallRate } : {}),
    requests: [
      {
        setupRequest: (request, context) => {
          const demand = nextDemand();
          demand.inFlight = true;
          (context as RequestContext).current = demand;
          const board = load.boards[demand.boardIndex] as BenchBoard;
          return {
            ...request,
            method: "POST",
            path: `/api/demands/${demand.id}/move`,
            headers: { "content-type": "application/json", authorization: `Bearer ${load.apiToken}` },
            body: JSON.stringify({
              toStageId: board.stageIds[(demand.stage + 1) % STAGES.length],
              toLaneId: board.laneIds[demand.lane],
              expectedVersion: demand.version,
              idempotencyKey: randomUUID(),
            }),
          };
        },
        onResponse: (status, body, context) => {
          const demand = (context as RequestContext).current;
          if (!demand) return;
          demand.inFlight = false;
          if (status >= 200 && status < 300) {
            const answer = JSON.parse(body) as { demand: { version: number }; transitionId: string };
            acknowledged++;
            acknowledgedMoves.push({ demandId: demand.id, transitionId: answer.transitionId });
            demand.stage = (demand.stage + 1) % STAGES.length;
            demand.version = answer.demand.version;
          } else if (status === 409) {
            const code = (JSON.parse(body) as { code: string }).code;
            refused[code] = (refused[code] ?? 0) + 1;
          } else {
            failed++;
          }
        },
      },
    ],
  });
  failed += result.errors + result.timeouts;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const cpuMsPerRequest = (seconds: number) => round1((seconds * 1000) / Math.max(1, result.requests.total));
  const serverCpu = cpuMsPerRequest(
    processTreeCpuSeconds(load.pids.server, [load.pids.database]) - serverCpuBefore,
  );
  const databaseCpu = cpuMsPerRequest(processTreeCpuSeconds(load.pids.database) - databaseCpuBefore);
  const loadGeneratorCpu = cpuMsPerRequest((ownCpu.user + ownCpu.system) / 1e6);

  await settled(check, boardIds);
  const transitionsMatch = await oneTransitionPerAcknowledgedMove(
    check,
    boardIds,
    startId,
    acknowledgedMoves,
    new Set(demands.filter((demand) => demand.inFlight).map((demand) => demand.id)),
  );

  const movesPerCard = await countMovesPerCard(check, demands, startId);
  let limitsHeld = true;
  for (const board of load.boards) limitsHeld = (await limitsHeldOnBoard(check, board.id)) && limitsHeld;

  const seconds = load.durationSeconds;
  return {
    requestsPerSecond: result.requests.total / seconds,
    movesPerSecond: acknowledged / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    acknowledged,
    refused,
    failed,
    transitionsMatch,
    limitsHeld,
    movesPerCard,
    serverCpuMsPerRequest: serverCpu,
    databaseCpuMsPerRequest: databaseCpu,
    loadGeneratorCpuMsPerRequest: loadGeneratorCpu,
  };
}

/** Moves logged per demand since `startId`, over every demand of the run (unmoved ones count 0). */
async function countMovesPerCard(
  check: pg.ClientBase,
  demands: readonly TrackedDemand[],
  startId: string,
): Promise<MovesPerCard> {
  const rows = await check.query<{ demand_id: string; moves: number }>(
    `SELECT demand_id, count(*)::int AS moves FROM transitions
     WHERE id > $1::bigint AND kind = 'moved' AND demand_id = ANY($2::uuid[]) GROUP BY demand_id`,
    [startId, demands.map((demand) => demand.id)],
  );
  const byDemand = new Map(rows.rows.map((row) => [row.demand_id, row.moves]));
  const counts = demands.map((demand) => byDemand.get(demand.id) ?? 0).sort((a, b) => a - b);
  return {
    cards: counts.length,
    moved: counts.filter((count) => count > 0).length,
    min: counts[0] ?? 0,
    median: counts[Math.floor(counts.length / 2)] ?? 0,
    max: counts.at(-1) ?? 0,
  };
}

/**
 * Autocannon stops at its deadline with requests still on their way; wait
 * until the server has finished them (no new transition for half a second).
 */
async function settled(check: pg.ClientBase, boardIds: string[]): Promise<void> {
  let last = "";
  for (let quiet = 0; quiet < 5; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await check.query<{ max: string | null }>(
      "SELECT max(id)::text AS max FROM transitions WHERE board_id = ANY($1::uuid[])",
      [boardIds],
    );
    const max = now.rows[0]?.max ?? "";
    quiet = max === last ? quiet + 1 : 0;
    last = max;
  }
}

/**
 * Every acknowledged move names its own Transition, of its demand, and no
 * demand has more moves logged than acknowledged, except one more for a
 * demand whose last request was still unanswered when the load stopped.
 */
async function oneTransitionPerAcknowledgedMove(
  check: pg.ClientBase,
  boardIds: string[],
  startId: string,
  acknowledged: { demandId: string; transitionId: string }[],
  unanswered: Set<string>,
): Promise<boolean> {
  const written = await check.query<{ id: string; demand_id: string }>(
    `SELECT id::text, demand_id FROM transitions
     WHERE id > $1::bigint AND board_id = ANY($2::uuid[]) AND kind = 'moved'`,
    [startId, boardIds],
  );
  const demandOf = new Map(written.rows.map((row) => [row.id, row.demand_id]));
  const ids = new Set(acknowledged.map((move) => move.transitionId));
  if (ids.size !== acknowledged.length) return false;
  if (acknowledged.some((move) => demandOf.get(move.transitionId) !== move.demandId)) return false;
  const extra = new Map<string, number>();
  for (const row of written.rows) {
    if (!ids.has(row.id)) extra.set(row.demand_id, (extra.get(row.demand_id) ?? 0) + 1);
  }
  return [...extra].every(([demandId, count]) => count === 1 && unanswered.has(demandId));
}

/**
 * Replays a board's whole transition log in id order and checks that no hard
 * stage limit, and no hard lane limit on work in progress, was ever exceeded.
 * Id order is safe: a move into a limited stage takes its id after counting
 * under the stage lock, so every move it counted has a smaller id.
 */
export async function limitsHeldOnBoard(check: pg.ClientBase, boardId: string): Promise<boolean> {
  const stages = await check.query<{
    id: string;
    position: number;
    kind: string;
    wip_limit: number | null;
    wip_policy: string;
  }>("SELECT id, position, kind, wip_limit, wip_policy, boundary FROM stages WHERE board_id = $1", [boardId]);
  const lanes = await check.query<{ id: string; wip_limit: number | null; wip_policy: string }>(
    "SELECT id, wip_limit, wip_policy FROM lanes WHERE board_id = $1",
    [boardId],
  );
  const log = await check.query<{
    kind: string;
    from_stage_id: string | null;
    to_stage_id: string;
    from_lane_id: string | null;
    to_lane_id: string;
  }>(
    `SELECT kind, from_stage_id, to_stage_id, from_lane_id, to_lane_id FROM transitions
       WHERE board_id = $1 AND kind IN ('created', 'moved') ORDER BY id`,
    [boardId],
  );
  // The bench boards keep the template's boundaries: work in progress is Design..Release.
  const inProgress = new Set(
    stages.rows.filter((stage) => stage.kind !== "done" && stage.position >= 1).map((stage) => stage.id),
  );
  const stageLimit = new Map(
    stages.rows
      .filter((s) => s.wip_policy === "hard" && s.wip_limit !== null)
      .map((s) => [s.id, s.wip_limit]),
  );
  const laneLimit = new Map(
    lanes.rows.filter((l) => l.wip_policy === "hard" && l.wip_limit !== null).map((l) => [l.id, l.wip_limit]),
  );
  const inStage = new Map<string, number>();
  const inLane = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, delta: number) =>
    map.set(key, (map.get(key) ?? 0) + delta);
  for (const t of log.rows) {
    if (t.from_stage_id) add(inStage, t.from_stage_id, -1);
    add(inStage, t.to_stage_id, 1);
    if (t.from_lane_id && t.from_stage_id && inProgress.has(t.from_stage_id)) add(inLane, t.from_lane_id, -1);
    if (inProgress.has(t.to_stage_id)) add(inLane, t.to_lane_id, 1);
    const stageCap = stageLimit.get(t.to_stage_id);
    if (t.kind === "moved" && stageCap != null && (inStage.get(t.to_stage_id) ?? 0) > stageCap) return false;
    const laneCap = laneLimit.get(t.to_lane_id);
    if (t.kind === "moved" && laneCap != null && (inLane.get(t.to_lane_id) ?? 0) > laneCap) return false;
  }
  return true;
}
