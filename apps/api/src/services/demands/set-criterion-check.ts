import type { TDemandChange } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { invalidField } from "../../errors/app-error";
import type { BoardEventSink } from "../board-events";
import { changeDemand } from "./change-demand";

/** Ticks or unticks one of the board's criteria for a demand. */
export function setCriterionCheck(
  deps: { db: Db; events: BoardEventSink },
  actorId: string,
  demandId: string,
  criterionId: string,
  checked: boolean,
): Promise<TDemandChange> {
  return changeDemand(deps, actorId, demandId, "demand.updated", async (tx, demand) => {
    const criterion = await tx.criterion.findFirst({
      where: { id: criterionId, stage: { boardId: demand.boardId } },
      select: { id: true },
    });
    if (!criterion) throw invalidField("criterionId", "is not a criterion of this board");
    if (checked) {
      await tx.criterionCheck.upsert({
        where: { demandId_criterionId: { demandId, criterionId } },
        create: { demandId, criterionId, checkedById: actorId },
        update: {},
      });
    } else {
      await tx.criterionCheck.deleteMany({ where: { demandId, criterionId } });
    }
    return {};
  });
}
