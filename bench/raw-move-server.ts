/**
 * The raw-SQL baseline of `POST /api/demands/:id/move` (issue 9, item 5): the
 * same work as apps/api/src/services/demands/move-demand.ts — token lookup,
 * membership check, idempotency lookup, then one transaction that locks the
 * demand, the target stage and lane rows, counts, checks WIP limits and
 * criteria with the same domain rules, computes the rank, updates the demand,
 * appends the Transition, bumps the board's seq and stores the idempotent
 * answer — with node:http and `pg` alone: no Fastify, zod or Prisma. The
 * benchmark drives it exactly as it drives the app, so the ratio of the two is
 * the framework and ORM overhead. Not a product path; it does not broadcast.
 *
 * Run as a child process: DATABASE_URL and PORT in the environment.
 */
import http from "node:http";
import {
  exitCriteriaApply,
  isInProgressStage,
  type LaneRule,
  rankBetween,
  type StageRule,
  unmetCriteria,
  wipVerdict,
} from "@tideway/domain";
import pg from "pg";
import { hashSecret } from "../apps/api/src/auth/tokens";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const MOVE_PATH = /^\/api\/demands\/([0-9a-f-]{36})\/move$/;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

interface MoveBody {
  toStageId: string;
  toLaneId?: string;
  expectedVersion?: number;
  idempotencyKey?: string;
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    handle(request, Buffer.concat(chunks).toString("utf8"))
      .then((body) => reply(response, 200, body))
      .catch((error: unknown) => {
        if (error instanceof Refusal)
          reply(response, error.status, { code: error.code, message: error.code });
        else reply(response, 500, { code: "INTERNAL", message: String(error) });
      });
  });
});

function reply(response: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

async function handle(request: http.IncomingMessage, text: string): Promise<unknown> {
  const demandId = MOVE_PATH.exec(request.url ?? "")?.[1];
  if (request.method !== "POST" || !demandId) throw new Refusal(404, "NOT_FOUND");
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
  if (!token) throw new Refusal(401, "UNAUTHENTICATED");
  const caller = await pool.query<{ user_id: string }>(
    `SELECT t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND (t.expires_at IS NULL OR t.expires_at > now())`,
    [hashSecret(token)],
  );
  const actorId = caller.rows[0]?.user_id;
  if (!actorId) throw new Refusal(401, "UNAUTHENTICATED");
  const body = JSON.parse(text) as MoveBody;
  if (typeof body.toStageId !== "string") throw new Refusal(400, "VALIDATION_FAILED");

  const demand = await pool.query<{ board_id: string }>("SELECT board_id FROM demands WHERE id = $1", [
    demandId,
  ]);
  const boardId = demand.rows[0]?.board_id;
  if (!boardId) throw new Refusal(404, "NOT_FOUND");
  const member = await pool.query<{ role: string }>(
    "SELECT role FROM board_members WHERE board_id = $1 AND user_id = $2",
    [boardId, actorId],
  );
  const role = member.rows[0]?.role;
  if (!role) throw new Refusal(404, "NOT_FOUND");
  if (role === "viewer") throw new Refusal(403, "FORBIDDEN");
  if (body.idempotencyKey) {
    const earlier = await pool.query<{ response: unknown }>(
      "SELECT response FROM idempotent_moves WHERE actor_id = $1 AND key = $2",
      [actorId, body.idempotencyKey],
    );
    if (earlier.rows[0]) return earlier.rows[0].response;
  }

  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await applyMove(client, boardId, actorId, demandId, body);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

interface StageRow {
  id: string;
  name: string;
  position: number;
  kind: StageRule["kind"];
  wip_limit: number | null;
  wip_policy: StageRule["wipPolicy"];
  boundary: StageRule["boundary"];
}

async function applyMove(
  client: pg.PoolClient,
  boardId: string,
  actorId: string,
  demandId: string,
  input: MoveBody,
) {
  const locked = await client.query<{
    stage_id: string;
    lane_id: string;
    version: number;
    committed_at: Date;
  }>(
    `SELECT stage_id, lane_id, version, committed_at FROM demands
     WHERE id = $1 AND archived_at IS NULL FOR NO KEY UPDATE`,
    [demandId],
  );
  const demand = locked.rows[0];
  if (!demand) throw new Refusal(404, "NOT_FOUND");
  if (input.expectedVersion !== undefined && input.expectedVersion !== demand.version)
    throw new Refusal(409, "VERSION_CONFLICT");

  // One connection runs one query at a time: sequential, as Prisma's transaction client does.
  const stageRows = await client.query<StageRow>(
    "SELECT * FROM stages WHERE board_id = $1 ORDER BY position",
    [boardId],
  );
  const laneRows = await client.query<{
    id: string;
    name: string;
    wip_limit: number | null;
    wip_policy: "hard" | "soft";
  }>("SELECT * FROM lanes WHERE board_id = $1", [boardId]);
  const stages: StageRule[] = stageRows.rows.map((s) => ({
    id: s.id,
    name: s.name,
    position: s.position,
    kind: s.kind,
    wipLimit: s.wip_limit,
    wipPolicy: s.wip_policy,
    boundary: s.boundary,
  }));
  const from = stages.find((s) => s.id === demand.stage_id) as StageRule;
  const to = stages.find((s) => s.id === input.toStageId);
  if (!to) throw new Refusal(400, "VALIDATION_FAILED");
  const toLaneId = input.toLaneId ?? demand.lane_id;
  const laneRow = laneRows.rows.find((l) => l.id === toLaneId);
  if (!laneRow) throw new Refusal(400, "VALIDATION_FAILED");
  const toLane: LaneRule = {
    id: laneRow.id,
    name: laneRow.name,
    wipLimit: laneRow.wip_limit,
    wipPolicy: laneRow.wip_policy,
  };

  const stageChanged = to.id !== demand.stage_id;
  const laneChanged = toLaneId !== demand.lane_id;
  let overWip = false;
  if (stageChanged && to.wipLimit !== null) {
    await client.query("SELECT id FROM stages WHERE id = $1 FOR NO KEY UPDATE", [to.id]);
    const count = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM demands WHERE stage_id = $1 AND archived_at IS NULL",
      [to.id],
    );
    overWip = admitted(wipVerdict(to, count.rows[0]?.n ?? 0));
  }
  const entersLaneWork = isInProgressStage(to, stages) && (laneChanged || !isInProgressStage(from, stages));
  if (entersLaneWork && toLane.wipLimit !== null) {
    await client.query("SELECT id FROM lanes WHERE id = $1 FOR NO KEY UPDATE", [toLane.id]);
    const inProgress = stages.filter((s) => isInProgressStage(s, stages)).map((s) => s.id);
    const count = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM demands
       WHERE lane_id = $1 AND archived_at IS NULL AND stage_id = ANY($2::uuid[]) AND id <> $3`,
      [toLane.id, inProgress, demandId],
    );
    overWip = admitted(wipVerdict(toLane, count.rows[0]?.n ?? 0, "lane")) || overWip;
  }
  if (stageChanged) {
    const checkExit = exitCriteriaApply(from, to);
    const criteria = await client.query<{
      id: string;
      stage_id: string;
      text: string;
      phase: "entry" | "exit";
      required: boolean;
    }>(
      `SELECT * FROM criteria WHERE required AND ((stage_id = $1 AND phase = 'entry')
           OR ($3 AND stage_id = $2 AND phase = 'exit')) ORDER BY position`,
      [to.id, from.id, checkExit],
    );
    const checks = await client.query<{ criterion_id: string }>(
      "SELECT criterion_id FROM criterion_checks WHERE demand_id = $1",
      [demandId],
    );
    const rules = criteria.rows.map((c) => ({ ...c, stageId: c.stage_id }));
    const checked = new Set(checks.rows.map((c) => c.criterion_id));
    if (checkExit && unmetCriteria(rules, from.id, "exit", checked).length > 0)
      throw new Refusal(409, "EXIT_CRITERIA_UNMET");
    if (unmetCriteria(rules, to.id, "entry", checked).length > 0)
      throw new Refusal(409, "ENTRY_CRITERIA_UNMET");
  }

  const last = await client.query<{ rank: string }>(
    `SELECT rank FROM demands WHERE stage_id = $1 AND lane_id = $2 AND archived_at IS NULL AND id <> $3
     ORDER BY rank DESC LIMIT 1`,
    [to.id, toLaneId, demandId],
  );
  const commitment = stages.find((s) => s.boundary === "commitment");
  const commits =
    demand.committed_at === null && commitment !== undefined && to.position >= commitment.position;
  const updated = await client.query(
    `UPDATE demands SET stage_id = $2, lane_id = $3, rank = $4, version = version + 1, updated_at = now(),
       entered_stage_at = CASE WHEN $5 THEN now() ELSE entered_stage_at END,
       committed_at = CASE WHEN $6 THEN now() ELSE committed_at END
     WHERE id = $1 RETURNING *`,
    [demandId, to.id, toLaneId, rankBetween(last.rows[0]?.rank ?? null, null), stageChanged, commits],
  );
  const view = await client.query<{ key: string; checked: string[] }>(
    `SELECT b.key, ARRAY(SELECT criterion_id FROM criterion_checks WHERE demand_id = $1) AS checked
     FROM boards b WHERE b.id = $2`,
    [demandId, boardId],
  );
  let transitionId = "";
  if (stageChanged || laneChanged) {
    const transition = await client.query<{ id: string }>(
      `INSERT INTO transitions (board_id, demand_id, kind, from_stage_id, to_stage_id, from_lane_id, to_lane_id,
         at, actor_id, over_wip)
       VALUES ($1, $2, 'moved', $3, $4, $5, $6, now(), $7, $8) RETURNING id`,
      [boardId, demandId, demand.stage_id, to.id, demand.lane_id, toLaneId, actorId, overWip],
    );
    transitionId = String(transition.rows[0]?.id);
  }
  const seq = await client.query<{ seq: string }>(
    "UPDATE boards SET seq = seq + 1 WHERE id = $1 RETURNING seq",
    [boardId],
  );
  const row = updated.rows[0] as Record<string, unknown>;
  const result = {
    demand: {
      ...row,
      key: `${view.rows[0]?.key}-${row.number}`,
      checkedCriterionIds: view.rows[0]?.checked ?? [],
    },
    seq: Number(seq.rows[0]?.seq),
    overWip,
    transitionId,
  };
  if (input.idempotencyKey) {
    await client.query(
      "INSERT INTO idempotent_moves (actor_id, key, demand_id, response) VALUES ($1, $2, $3, $4)",
      [actorId, input.idempotencyKey, demandId, JSON.stringify(result)],
    );
  }
  return result;
}

/** Throws the 409 a hard limit gives; true when a soft limit was exceeded. */
function admitted(verdict: ReturnType<typeof wipVerdict>): boolean {
  if (verdict.outcome === "refused") throw new Refusal(409, "WIP_LIMIT_REACHED");
  return verdict.outcome === "over-soft-limit";
}

server.listen(Number(process.env.PORT), "127.0.0.1", () => {
  console.log(`raw move server listening on ${process.env.PORT}`);
});
process.once("SIGTERM", () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
