import type { TStageChange, TUpdateStageBody } from "@tideway/contracts";
import { notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { lockStages, releaseBoundary, stageViews, toStageView, writeStageOrder } from "./board-stages";
import { changedFields } from "./changed-fields";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";
import { placeAt } from "./dense-order";
import { restampCommitments } from "./restamp-commitments";

/**
 * Renames, reorders or re-limits a stage, changes its kind, or marks a 2-1-1
 * boundary on it (taking the boundary from the stage that had it). Fields
 * that already hold the asked-for value are neither written nor audited.
 */
export async function updateStage(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  stageId: string,
  input: TUpdateStageBody,
): Promise<TStageChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const stages = await lockStages(tx, boardId);
    const current = stages.find((stage) => stage.id === stageId);
    if (!current) throw notFound("Stage");

    const { position, ...fields } = input;
    const data = changedFields(current, fields);
    const released = data.boundary ? await releaseBoundary(tx, stages, data.boundary, stageId) : [];
    if (Object.keys(data).length > 0) await tx.stage.update({ where: { id: stageId }, data });
    if (position !== undefined) await writeStageOrder(tx, placeAt(stages, current, position));
    await restampCommitments(tx, boardId, stages);

    const stagesAfter = await stageViews(tx, boardId);
    const stage = stagesAfter.find((candidate) => candidate.id === stageId) ?? toStageView(current);
    const changed = Object.keys(data).length > 0 || stage.position !== current.position;
    return {
      result: { stage, stages: stagesAfter },
      audit: changed
        ? [
            ...released,
            {
              action: "stage.updated",
              entity: "stage",
              entityId: stageId,
              before: toStageView(current),
              after: stage,
            },
          ]
        : [],
    };
  });
}
