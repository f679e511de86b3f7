import type { RawStatements } from "../db/transaction-connection";
import { inChunks } from "./in-chunks";

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

/** One field of every row, for an `unnest` column. */
function columnOf<Row, K extends keyof Row>(rows: readonly Row[], key: K): Row[K][] {
  return rows.map((row) => row[key]);
}

export async function insertDemands(
  tx: RawStatements,
  boardId: string,
  rows: readonly DemandRow[],
): Promise<void> {
  for (const chunk of inChunks(rows, ROWS_PER_STATEMENT)) {
    const column = <K extends keyof DemandRow>(key: K) => columnOf(chunk, key);
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

export interface CriterionCheckRow {
  demandId: string;
  criterionId: string;
  checkedById: string | null;
  checkedAt: string;
}

/** Ticked criteria (an import's demands' checks), as insertDemands writes demands. */
export async function insertCriterionChecks(
  tx: RawStatements,
  rows: readonly CriterionCheckRow[],
): Promise<void> {
  for (const chunk of inChunks(rows, ROWS_PER_STATEMENT)) {
    await tx.$executeRaw`
      INSERT INTO criterion_checks (demand_id, criterion_id, checked_by_id, checked_at)
      SELECT * FROM unnest(${columnOf(chunk, "demandId")}::uuid[], ${columnOf(chunk, "criterionId")}::uuid[],
        ${columnOf(chunk, "checkedById")}::uuid[], ${columnOf(chunk, "checkedAt")}::timestamptz[])`;
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

/**
 * Code events and their links to demands in one statement per chunk, the chunk sent as one
 * JSON parameter that PostgreSQL unpacks (jsonb_to_recordset, arrays included). A
 * 2,048-commit push spent 1.2 s in the two unnest statements this replaces, most of it
 * passing 24 array parameters of 2,048 values each through the driver (a JSON text is one
 * string to send). The links' rows refer to events of the same statement: foreign keys are
 * checked at its end, when both are in.
 */
export async function insertCodeEvents(
  tx: RawStatements,
  boardId: string,
  rows: readonly CodeEventRow[],
): Promise<void> {
  for (const chunk of inChunks(rows, ROWS_PER_STATEMENT)) {
    await tx.$executeRaw`
      WITH incoming AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS t(id uuid, source text,
          "deliveryId" text, kind text, sha text, repository text, message text, environment text,
          "demandKeys" text[], at timestamptz, "receivedAt" timestamptz, "demandIds" uuid[])
      ), stored AS (
        INSERT INTO code_events (id, board_id, source, delivery_id, kind, sha, repository, message, environment,
          demand_keys, at, received_at)
        SELECT id, ${boardId}::uuid, source::"CodeEventSource", "deliveryId", kind::"CodeEventKind", sha,
          repository, message, environment, "demandKeys", at, "receivedAt"
        FROM incoming
      )
      INSERT INTO code_event_demands (code_event_id, demand_id)
      SELECT DISTINCT incoming.id, linked.demand_id FROM incoming, unnest(incoming."demandIds") AS linked(demand_id)`;
  }
}

export interface CommentRow {
  demandId: string;
  authorId: string | null;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
}

/**
 * Comments (an import's), one JSON parameter per chunk as insertCodeEvents
 * sends events: each row's mentions are an array, which `unnest` would
 * flatten. Their ids are new (gen_random_uuid(), the column's default).
 */
export async function insertComments(tx: RawStatements, rows: readonly CommentRow[]): Promise<void> {
  for (const chunk of inChunks(rows, ROWS_PER_STATEMENT)) {
    await tx.$executeRaw`
      INSERT INTO comments (demand_id, author_id, body, mentions, created_at, edited_at)
      SELECT "demandId", "authorId", body, mentions, "createdAt", "editedAt"
      FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS t("demandId" uuid, "authorId" uuid, body text,
        mentions uuid[], "createdAt" timestamptz, "editedAt" timestamptz)`;
  }
}

export interface DependencyRow {
  demandId: string;
  dependsOnId: string;
  createdById: string | null;
  createdAt: string;
}

/** Dependencies between demands (an import's, once every demand is in), as insertDemands writes demands. */
export async function insertDependencies(tx: RawStatements, rows: readonly DependencyRow[]): Promise<void> {
  for (const chunk of inChunks(rows, ROWS_PER_STATEMENT)) {
    await tx.$executeRaw`
      INSERT INTO demand_dependencies (demand_id, depends_on_id, created_by_id, created_at)
      SELECT * FROM unnest(${columnOf(chunk, "demandId")}::uuid[], ${columnOf(chunk, "dependsOnId")}::uuid[],
        ${columnOf(chunk, "createdById")}::uuid[], ${columnOf(chunk, "createdAt")}::timestamptz[])`;
  }
}
