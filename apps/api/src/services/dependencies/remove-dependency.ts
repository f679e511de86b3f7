import type { TDependencyChange } from "@tideway/contracts";
import { notFound } from "../../errors/app-error";
import { requireDemandAccess } from "../access/require-board-role";
import { nextBoardSeq } from "../board-events";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import type { DependencyDeps } from "./add-dependency";
import { readDependencies } from "./read-dependencies";

/**
 * Stops `demandId` waiting on `dependsOnId` (members and admins of the
 * waiting demand's board, wherever the other demand is: a dependency on a
 * board you cannot see can still be removed by its id).
 */
export async function removeDependency(
  { db, events }: DependencyDeps,
  actorId: string,
  demandId: string,
  dependsOnId: string,
): Promise<TDependencyChange> {
  const { boardId } = await requireDemandAccess(db, actorId, demandId, "member");
  const seq = await db.$transaction(async (tx) => {
    const { count } = await tx.demandDependency.deleteMany({ where: { demandId, dependsOnId } });
    if (count === 0) throw notFound("That dependency");
    return nextBoardSeq(tx, boardId);
  }, TRANSACTION_OPTIONS);
  events.publish({ seq, boardId, type: "dependency.changed", payload: { demandId } });
  return { dependencies: await readDependencies(db, actorId, { demandId }), seq };
}
