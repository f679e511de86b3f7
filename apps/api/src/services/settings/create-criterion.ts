import type { TCreateCriterionBody, TCriterionChange } from "@tideway/contracts";
import { invalidField } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import {
  boardCriteria,
  criteriaOfStage,
  lockStageOfBoard,
  toCriterionView,
  writeCriterionOrder,
} from "./board-criteria";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";
import { placeAt } from "./dense-order";

/** Adds an entry or exit criterion to a stage at `position` among its criteria (default: last). */
export async function createCriterion(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  input: TCreateCriterionBody,
): Promise<TCriterionChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    if (!(await lockStageOfBoard(tx, boardId, input.stageId))) {
      throw invalidField("stageId", "is not a stage of this board");
    }
    const siblings = await criteriaOfStage(tx, input.stageId);
    const position = Math.min(input.position ?? siblings.length, siblings.length);
    const created = await tx.criterion.create({
      data: {
        stageId: input.stageId,
        text: input.text,
        phase: input.phase,
        kind: input.kind,
        required: input.required,
        position,
      },
    });
    await writeCriterionOrder(tx, placeAt(siblings, created, position));
    const criterion = toCriterionView(created);
    return {
      result: { criterion, criteria: await boardCriteria(tx, boardId) },
      audit: [
        {
          action: "criterion.created",
          entity: "criterion",
          entityId: criterion.id,
          before: null,
          after: criterion,
        },
      ],
    };
  });
}
