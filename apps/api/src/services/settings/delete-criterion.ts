import type { TCriterionRemoval } from "@tideway/contracts";
import { notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import {
  boardCriteria,
  criteriaOfStage,
  lockStageOfBoard,
  toCriterionView,
  writeCriterionOrder,
} from "./board-criteria";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";

/**
 * Removes a criterion (and the ticks demands had for it) and closes the gap
 * in its stage's order. Demands waiting on it may then move on.
 */
export async function deleteCriterion(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  criterionId: string,
): Promise<TCriterionRemoval> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const found = await tx.criterion.findFirst({
      where: { id: criterionId, stage: { boardId } },
      select: { stageId: true },
    });
    if (!found || !(await lockStageOfBoard(tx, boardId, found.stageId))) throw notFound("Criterion");
    const siblings = await criteriaOfStage(tx, found.stageId);
    const criterion = siblings.find((candidate) => candidate.id === criterionId);
    if (!criterion) throw notFound("Criterion");

    await tx.criterion.delete({ where: { id: criterionId } });
    await writeCriterionOrder(
      tx,
      siblings.filter((candidate) => candidate.id !== criterionId),
    );
    return {
      result: { criteria: await boardCriteria(tx, boardId) },
      audit: [
        {
          action: "criterion.deleted",
          entity: "criterion",
          entityId: criterionId,
          before: toCriterionView(criterion),
          after: null,
        },
      ],
    };
  });
}
