import type { TCreateStageBody, TStageChange } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import { lockStages, releaseBoundary, stageViews, toStageView, writeStageOrder } from "./board-stages";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";
import { placeAt } from "./dense-order";
import { restampCommitments } from "./restamp-commitments";

/** Adds a stage at `position` (default: last), moving the stages after it one column right. */
export async function createStage(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  input: TCreateStageBody,
): Promise<TStageChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const stages = await lockStages(tx, boardId);
    const released = input.boundary ? await releaseBoundary(tx, stages, input.boundary, null) : [];
    const position = Math.min(input.position ?? stages.length, stages.length);
    const created = await tx.stage.create({
      data: {
        boardId,
        name: input.name,
        kind: input.kind,
        wipLimit: input.wipLimit,
        wipPolicy: input.wipPolicy,
        boundary: input.boundary,
        position,
      },
    });
    await writeStageOrder(tx, placeAt(stages, created, position));
    await restampCommitments(tx, boardId, stages);
    const stage = toStageView(created);
    return {
      result: { stage, stages: await stageViews(tx, boardId) },
      audit: [
        ...released,
        { action: "stage.created", entity: "stage", entityId: stage.id, before: null, after: stage },
      ],
    };
  });
}
