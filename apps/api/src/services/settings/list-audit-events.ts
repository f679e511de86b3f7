import type { TAuditPage, TAuditQuery } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";

type Snapshot = Record<string, unknown> | null;

/** A page of the board's audit trail, newest first; admins only. */
export async function listAuditEvents(
  db: Db,
  userId: string,
  boardId: string,
  query: TAuditQuery,
): Promise<TAuditPage> {
  await requireBoardRole(db, userId, boardId, "admin");
  const rows = await db.auditEvent.findMany({
    where: { boardId, ...(query.before !== undefined ? { id: { lt: BigInt(query.before) } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { actor: { select: { id: true, name: true } } },
  });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      before: asSnapshot(row.before),
      after: asSnapshot(row.after),
    })),
    next: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/** Rows are written as JSON objects; anything else (a hand-made row) is shown as its value under `value`. */
function asSnapshot(json: unknown): Snapshot {
  if (json === null || json === undefined) return null;
  return typeof json === "object" && !Array.isArray(json)
    ? (json as Record<string, unknown>)
    : { value: json };
}
