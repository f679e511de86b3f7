import { type TDemand, ZDemandLink } from "@tideway/contracts";
import type { Prisma } from "../../generated/prisma/client";

export const demandViewSelect = {
  id: true,
  number: true,
  title: true,
  description: true,
  type: true,
  size: true,
  parentId: true,
  ownerId: true,
  stageId: true,
  laneId: true,
  rank: true,
  blocked: true,
  blockedReason: true,
  blockedAt: true,
  links: true,
  version: true,
  archivedAt: true,
  enteredStageAt: true,
  committedAt: true,
  createdAt: true,
  updatedAt: true,
  checks: { select: { criterionId: true } },
} satisfies Prisma.DemandSelect;

export type DemandViewRow = Prisma.DemandGetPayload<{ select: typeof demandViewSelect }>;

/**
 * A demand row as PostgreSQL's `to_jsonb` writes it (snake_case columns,
 * timestamps as text), read through demandViewSelect's list of fields, so
 * the move statement (move-statement.ts) returns its whole row instead of
 * repeating that list in SQL.
 */
export function demandViewRowFromJson(
  json: Record<string, unknown>,
  checkedCriterionIds: string[],
): DemandViewRow {
  const row: Record<string, unknown> = {
    checks: checkedCriterionIds.map((criterionId) => ({ criterionId })),
  };
  for (const field of Object.keys(demandViewSelect)) {
    if (field === "checks") continue;
    const value = json[field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)];
    // Every timestamp column of a demand is named *At (enteredStageAt, blockedAt, ...).
    row[field] = typeof value === "string" && field.endsWith("At") ? new Date(value) : value;
  }
  return row as DemandViewRow;
}

export function demandKey(boardKey: string, number: number): string {
  return `${boardKey}-${number}`;
}

/** Links as stored; any saved before only http(s) was accepted are left out rather than shown. */
export function safeLinks(stored: unknown): TDemand["links"] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((link) => {
    const parsed = ZDemandLink.safeParse(link);
    return parsed.success ? [parsed.data] : [];
  });
}

export function toDemandView(row: DemandViewRow, boardKey: string): TDemand {
  return {
    id: row.id,
    key: demandKey(boardKey, row.number),
    number: row.number,
    title: row.title,
    description: row.description,
    type: row.type,
    size: row.size,
    parentId: row.parentId,
    ownerId: row.ownerId,
    stageId: row.stageId,
    laneId: row.laneId,
    rank: row.rank,
    blocked: row.blocked,
    blockedReason: row.blockedReason,
    blockedAt: row.blockedAt?.toISOString() ?? null,
    links: safeLinks(row.links),
    version: row.version,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    checkedCriterionIds: row.checks.map((check) => check.criterionId),
    enteredStageAt: row.enteredStageAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
