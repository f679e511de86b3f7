import { randomUUID } from "node:crypto";
import { ranksAfter } from "@tideway/domain";
import type pg from "pg";
import type { Db } from "../apps/api/src/db/prisma";
import { issueApiToken, startSession } from "../apps/api/src/services/auth/sessions";
import { createBoard } from "../apps/api/src/services/boards/create-board";

/** In position order on a "2-1-1" board. */
export const STAGES = ["Selection", "Design", "Development", "Testing", "Release", "Done"] as const;
export const LANES = ["Expedite", "Standard", "Defects"] as const;

export interface BenchBoard {
  id: string;
  key: string;
  /** In the order of STAGES and LANES. */
  stageIds: string[];
  laneIds: string[];
  /** Every demand of the board in creation order, with where it sits. */
  demands: { id: string; stage: number; lane: number }[];
}

export interface BenchUser {
  id: string;
  /** `Authorization: Bearer` for the load generators and socket clients. */
  apiToken: string;
  /** A session cookie value for the browser. */
  sessionToken: string;
}

export async function createBenchUser(db: Db, email = "bench@tideway.local"): Promise<BenchUser> {
  const user = await db.user.create({ data: { email, name: "Bench Runner", passwordHash: "!unusable" } });
  const { token } = await issueApiToken(db, user.id, { name: "bench" });
  const session = await startSession(db, user.id);
  return { id: user.id, apiToken: token, sessionToken: session.token };
}

/**
 * A "2-1-1" board with `placements.length` demands placed directly with SQL
 * (a created transition each, every criterion ticked, so the moves that follow
 * meet entry and exit criteria and only WIP limits can refuse them).
 * `stageLimits` overrides the template's hard limits by stage name.
 */
export async function createBenchBoard(
  db: Db,
  client: pg.ClientBase,
  userId: string,
  options: {
    name: string;
    key: string;
    placements: { stage: number; lane: number }[];
    stageLimits?: Partial<Record<(typeof STAGES)[number], number | null>>;
  },
): Promise<BenchBoard> {
  const created = await createBoard(db, userId, { name: options.name, key: options.key, template: "2-1-1" });
  for (const [name, limit] of Object.entries(options.stageLimits ?? {})) {
    await client.query("UPDATE stages SET wip_limit = $3 WHERE board_id = $1 AND name = $2", [
      created.id,
      name,
      limit,
    ]);
  }
  const ids = options.placements.map(() => randomUUID());
  const ranks = ranksAfter(null, ids.length);
  const now = Date.now();
  await client.query(
    `INSERT INTO demands (id, board_id, number, title, type, stage_id, lane_id, rank, entered_stage_at, created_at,
       updated_at, committed_at)
     SELECT id, $1, number, 'Bench demand ' || number, 'feature', stage_id, lane_id, rank, to_timestamp($5 / 1000.0),
       to_timestamp($5 / 1000.0), to_timestamp($5 / 1000.0),
       CASE WHEN stage_id = $6::uuid THEN NULL ELSE to_timestamp($5 / 1000.0) END
     FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $7::text[]) WITH ORDINALITY AS t(id, stage_id, lane_id, rank, number)`,
    [
      created.id,
      ids,
      options.placements.map((p) => created.stageIds[p.stage]),
      options.placements.map((p) => created.laneIds[p.lane]),
      now,
      created.stageIds[0],
      ranks,
    ],
  );
  await client.query(
    `INSERT INTO transitions (board_id, demand_id, kind, to_stage_id, to_lane_id, at, actor_id)
     SELECT board_id, id, 'created', stage_id, lane_id, created_at, $2 FROM demands WHERE board_id = $1`,
    [created.id, userId],
  );
  await client.query(
    `INSERT INTO criterion_checks (demand_id, criterion_id, checked_by_id)
     SELECT d.id, c.id, $2 FROM demands d JOIN stages s ON s.board_id = d.board_id
       JOIN criteria c ON c.stage_id = s.id WHERE d.board_id = $1`,
    [created.id, userId],
  );
  await client.query("UPDATE boards SET next_demand_number = $2, seq = seq + 1 WHERE id = $1", [
    created.id,
    ids.length + 1,
  ]);
  return {
    id: created.id,
    key: created.key,
    stageIds: created.stageIds,
    laneIds: created.laneIds,
    demands: ids.map((id, index) => ({
      id,
      ...(options.placements[index] as { stage: number; lane: number }),
    })),
  };
}
