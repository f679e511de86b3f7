import type { TTransition } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";

/** A page of the board's transition log in the order it was written. */
export async function listTransitions(
  db: Db,
  userId: string,
  boardId: string,
  query: { since?: number | undefined; limit: number },
): Promise<{ transitions: TTransition[]; next: string | null }> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const rows = await db.transition.findMany({
    where: { boardId, ...(query.since !== undefined ? { id: { gt: BigInt(query.since) } } : {}) },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    transitions: page.map((row) => ({
      id: row.id.toString(),
      demandId: row.demandId,
      kind: row.kind,
      fromStageId: row.fromStageId,
      toStageId: row.toStageId,
      fromLaneId: row.fromLaneId,
      toLaneId: row.toLaneId,
      at: row.at.toISOString(),
      actorId: row.actorId,
      overWip: row.overWip,
      note: row.note,
    })),
    next: rows.length > query.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
