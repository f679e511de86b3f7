import type { Prisma } from "../../generated/prisma/client";
import { whichAreOpen } from "./which-are-open";

/**
 * How many demands `demandId` waits on that are still open, inside a move's
 * transaction, for its "no open dependencies" criteria. The demands waited
 * on are read FOR SHARE, so none can leave Done until the move commits.
 */
export async function countOpenDependencies(tx: Prisma.TransactionClient, demandId: string): Promise<number> {
  const awaited = await tx.$queryRaw<{ boardId: string; stageId: string; archived: boolean }[]>`
    SELECT t.board_id::text AS "boardId", t.stage_id::text AS "stageId", t.archived_at IS NOT NULL AS archived
    FROM demand_dependencies dd JOIN demands t ON t.id = dd.depends_on_id
    WHERE dd.demand_id = ${demandId}::uuid
    FOR SHARE OF t`;
  return (await whichAreOpen(tx, awaited)).filter(Boolean).length;
}
