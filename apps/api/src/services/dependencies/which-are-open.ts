import { isOpenDependency } from "@tideway/domain";
import type { Prisma } from "../../generated/prisma/client";
import { stageOrders } from "../portfolios/check-acceptance-gate";

/** For each demand waited on, whether it is still open, as its own board defines delivered. */
export async function whichAreOpen(
  db: Pick<Prisma.TransactionClient, "stage">,
  awaited: readonly { boardId: string; stageId: string; archived: boolean }[],
): Promise<boolean[]> {
  if (awaited.length === 0) return [];
  const orders = await stageOrders(db, awaited);
  return awaited.map((demand) => {
    const order = orders.get(demand.boardId);
    // A board always has stages; without them nothing could be delivered.
    return order ? isOpenDependency(demand, order) : !demand.archived;
  });
}
