import type { Prisma } from "../generated/prisma/client";
import { inChunks } from "./in-chunks";

type Tx = Prisma.TransactionClient;

/**
 * Bulk writes (a board import, a CSV import of demands): one `INSERT ... SELECT FROM unnest(...)`
 * per 20,000 rows, a parameter per column rather than per value. Prisma's
 * createMany took 18 s for 20,000 transitions where this takes 4 s (same
 * machine, same load; bench/board-export.ts).
 * Times travel as ISO text and are cast by PostgreSQL, keeping milliseconds.
 */
const ROWS_PER_STATEMENT = 20_000;

export interface DemandRow {
  id: string;
  number: number;
  title: string;
  description: string;
  type: string;
  size: string | null;
  ownerId: string | null;
  stageId: string;
  laneId: string;
  rank: string;
  blocked: boolean;
  blockedReason: string | null;
  blockedAt: string | null;
  links: unknown;
  version: number;
  archivedAt: string | null;
  enteredStageAt: string;
  committedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export async function insertDemands(tx: Tx, boardId: string, rows: readonly DemandRow[]): Promise<void> {
  for (const chunk of inChunks(rows, ROWS_PER_STATEMENT)) {
    const column = <K extends keyof DemandRow>(key: K) => chunk.map((row) => row[key]);
    await tx.$executeRaw`
      INSERT INTO demands (id, board_id, number, title, description, type, size, owner_id, stage_id, lane_id,
        rank, blocked, blocked_reason, blocked_at, links, version, archived_at, entered_stage_at, committed_at,
        created_at, updated_at)
      SELECT id, ${boardId}::uuid, number, title, description, type::"DemandType", size, owner_id, stage_id,
        lane_id, rank, blocked, blocked_reason, blocked_at, links::jsonb, version, archived_at, entered_stage_at,
        committed_at, created_at, updated_at
      FROM unnest(${column("id")}::uuid[], ${column("number")}::int[], ${column("title")}::text[],
        ${column("description")}::text[], ${column("type")}::text[], ${column("size")}::text[],
        ${column("ownerId")}::uuid[], ${column("stageId")}::uuid[], ${column("laneId")}::uuid[],
        ${column("rank")}::text[], ${column("blocked")}::bool[], ${column("blockedReason")}::text[],
        ${column("blockedAt")}::timestamptz[], ${chunk.map((row) => JSON.stringify(row.links ?? []))}::text[],
        ${column("version")}::int[], ${column("archivedAt")}::timestamptz[], ${column("enteredStageAt")}::timestamptz[],
        ${column("committedAt")}::timestamptz[], ${column("createdAt")}::timestamptz[],
        ${column("updatedAt")}::timestamptz[])
        AS t(id, number, title, description, type, size, owner_id, stage_id, lane_id, rank, blocked,
          blocked_reason, blocked_at, links, version, archived_at, entered_stage_at, committed_at, created_at,
          updated_at)`;
  }
}

export interface CodeEventRow {
  id: string;
  source: string;
  deliveryId: string;
  kind: string;
  sha: string | null;
  repository: string | null;
  message: string | null;
  environment: string | null;
  demandKeys: string[];
  at: string;
  receivedAt: string;
  demandIds: string[];
}

export async function insertCodeEvents(
  tx: Tx,
  boardId: string,
  rows: readonly CodeEventRow[],
): Promise<void> {
  for (const chunk of inChunks(rows, ROWS_PER_STATEMENT)) {
    const column = <K extends keyof CodeEventRow>(key: K) => chunk.map((row) => row[key]);
    // demand_keys is a text[] per row: sent as JSON and unpacked, since unnest cannot take an array of arrays.
    await tx.$executeRaw`
      INSERT INTO code_events (id, board_id, source, delivery_id, kind, sha, repository, message, environment,
        demand_keys, at, received_at)
      SELECT id, ${boardId}::uuid, source::"CodeEventSource", delivery_id, kind::"CodeEventKind", sha, repository,
        message, environment, ARRAY(SELECT jsonb_array_elements_text(demand_keys::jsonb)), at, received_at
      FROM unnest(${column("id")}::uuid[], ${column("source")}::text[], ${column("deliveryId")}::text[],
        ${column("kind")}::text[], ${column("sha")}::text[], ${column("repository")}::text[],
        ${column("message")}::text[], ${column("environment")}::text[],
        ${chunk.map((row) => JSON.stringify(row.demandKeys))}::text[], ${column("at")}::timestamptz[],
        ${column("receivedAt")}::timestamptz[])
        AS t(id, source, delivery_id, kind, sha, repository, message, environment, demand_keys, at, received_at)`;
    const links = chunk.flatMap((event) =>
      [...new Set(event.demandIds)].map((demandId) => [event.id, demandId]),
    );
    await tx.$executeRaw`
      INSERT INTO code_event_demands (code_event_id, demand_id)
      SELECT * FROM unnest(${links.map(([event]) => event)}::uuid[], ${links.map(([, demand]) => demand)}::uuid[])`;
  }
}
