import type { TCriterionChange, TUpdateCriterionBody } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import { boardCriteria, lockCriterionOfBoard, toCriterionView, writeCriterionOrder } from "./board-criteria";
import { changedFields } from "./changed-fields";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";
import { placeAt } from "./dense-order";

/**
 * Rewords a criterion, switches it between entry and exit or required and
 * optional, or reorders it within its stage. Fields already so are neither
 * written nor audited.
 */
export async function updateCriterion(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  criterionId: string,
  input: TUpdateCriterionBody,
): Promise<TCriterionChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const { criterion: current, siblings } = await lockCriterionOfBoard(tx, boardId, criterionId);

    const { position, ...fields } = input;
    const data = changedFields(current, fields);
    if (Object.keys(data).length > 0) await tx.criterion.update({ where: { id: criterionId }, data });
    if (position !== undefined) await writeCriterionOrder(tx, placeAt(siblings, current, position));

    const criteria = await boardCriteria(tx, boardId);
    const criterion = criteria.find((candidate) => candidate.id === criterionId) ?? toCriterionView(current);
    const changed = Object.keys(data).length > 0 || criterion.position !== current.position;
    return {
      result: { criterion, criteria },
      audit: changed
        ? [
            {
              action: "criterion.updated",
              entity: "criterion",
              entityId: criterionId,
              before: toCriterionView(current),
              after: criterion,
            },
          ]
        : [],
    };
  });
}
