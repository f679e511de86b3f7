import type { TCriterionRemoval } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import { boardCriteria, lockCriterionOfBoard, toCriterionView, writeCriterionOrder } from "./board-criteria";
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
    const { criterion, siblings } = await lockCriterionOfBoard(tx, boardId, criterionId);

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
