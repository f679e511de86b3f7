import type { TDependencyList } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireDemandAccess } from "../access/require-board-role";
import { readDependencies } from "./read-dependencies";

/** What a demand waits on, as the caller may see it (anyone on the demand's board). */
export async function listDependencies(db: Db, viewerId: string, demandId: string): Promise<TDependencyList> {
  await requireDemandAccess(db, viewerId, demandId, "viewer");
  return { dependencies: await readDependencies(db, viewerId, { demandId }) };
}
