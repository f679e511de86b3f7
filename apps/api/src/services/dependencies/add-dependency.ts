import { ErrorCode, type TDependencyChange } from "@tideway/contracts";
import { type DependencyEdge, dependencyCycle } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import { requireDemandAccess } from "../access/require-board-role";
import { type BoardEventSink, nextBoardSeq } from "../board-events";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import { readDependencies } from "./read-dependencies";

export interface DependencyDeps {
  db: Db;
  events: BoardEventSink;
}

/**
 * Makes `demandId` wait on `dependsOnId` (members and admins of the waiting
 * demand's board). The demand waited on may be on any board the caller is
 * on; any other is "not found", as for everything on a board you cannot see.
 * Adding the same dependency twice changes nothing. A dependency that would
 * close a cycle is refused with DEPENDENCY_CYCLE (`dependencyCycle`).
 */
export async function addDependency(
  { db, events }: DependencyDeps,
  actorId: string,
  demandId: string,
  dependsOnId: string,
  now = new Date(),
): Promise<TDependencyChange> {
  const { boardId, boardKey } = await requireDemandAccess(db, actorId, demandId, "member");
  await requireDemandToWaitOn(db, actorId, dependsOnId);
  const seq = await db.$transaction(async (tx) => {
    // One addition at a time, on every board: two at once could each pass the check and close a cycle together.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended('demand-dependencies', 0))`;
    const cycle = dependencyCycle(await edgesReachableFrom(tx, dependsOnId), demandId, dependsOnId);
    if (cycle) {
      const [{ number } = { number: 0 }] = await tx.$queryRaw<{ number: number }[]>`
        SELECT number FROM demands WHERE id = ${demandId}::uuid`;
      const others = cycle.length - 2;
      throw new AppError(
        ErrorCode.DEPENDENCY_CYCLE,
        others === 0
          ? `${boardKey}-${number} cannot wait on itself.`
          : `${boardKey}-${number} would end up waiting on itself (through ${others} other demand${others === 1 ? "" : "s"}); remove one of those dependencies first.`,
        { cycleLength: cycle.length - 1 },
      );
    }
    await tx.$executeRaw`
      INSERT INTO demand_dependencies (demand_id, depends_on_id, created_by_id, created_at)
      VALUES (${demandId}::uuid, ${dependsOnId}::uuid, ${actorId}::uuid, ${now}::timestamptz)
      ON CONFLICT DO NOTHING`;
    return nextBoardSeq(tx, boardId);
  }, TRANSACTION_OPTIONS);
  events.publish({ seq, boardId, type: "dependency.changed", payload: { demandId } });
  return { dependencies: await readDependencies(db, actorId, { demandId }), seq };
}

async function requireDemandToWaitOn(db: Db, actorId: string, dependsOnId: string): Promise<void> {
  try {
    await requireDemandAccess(db, actorId, dependsOnId, "viewer");
  } catch (error) {
    if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        "The demand to wait on was not found (it may be on a board you are not on).",
        { field: "dependsOnId" },
      );
    }
    throw error;
  }
  const awaited = await db.demand.findUnique({ where: { id: dependsOnId }, select: { archivedAt: true } });
  if (awaited?.archivedAt) throw invalidField("dependsOnId", "is archived; restore it first");
}

/** Every dependency edge reachable from `start` (what it waits on, and so on), for the cycle check. */
async function edgesReachableFrom(tx: Prisma.TransactionClient, start: string): Promise<DependencyEdge[]> {
  return tx.$queryRaw<DependencyEdge[]>`
    WITH RECURSIVE reach(demand_id, depends_on_id) AS (
      SELECT demand_id, depends_on_id FROM demand_dependencies WHERE demand_id = ${start}::uuid
      UNION
      SELECT dd.demand_id, dd.depends_on_id
      FROM demand_dependencies dd JOIN reach r ON dd.demand_id = r.depends_on_id
    )
    SELECT demand_id::text AS "demandId", depends_on_id::text AS "dependsOnId" FROM reach`;
}
