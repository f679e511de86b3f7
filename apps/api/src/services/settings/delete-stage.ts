import { ErrorCode, type TStageRemoval } from "@tideway/contracts";
import { AppError, notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { lockStages, stageViews, toStageView, writeStageOrder } from "./board-stages";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";
import { restampCommitments } from "./restamp-commitments";

/**
 * Removes an empty stage with its criteria and closes the gap in the column
 * order. Refused while demands sit in the stage, for the board's last stage,
 * and for a stage the transition log refers to: the log is append-only and
 * every flow metric is computed from it.
 */
export async function deleteStage(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  stageId: string,
): Promise<TStageRemoval> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const stages = await lockStages(tx, boardId);
    const stage = stages.find((candidate) => candidate.id === stageId);
    if (!stage) throw notFound("Stage");
    if (stages.length === 1) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `${stage.name} is the board's only stage; add another before removing it.`,
      );
    }
    // FOR UPDATE waits for demand writes that reference the stage and are not yet committed.
    await tx.$queryRaw`SELECT id FROM stages WHERE id = ${stageId}::uuid FOR UPDATE`;
    const [open, archived, logged] = await Promise.all([
      tx.demand.count({ where: { stageId, archivedAt: null } }),
      tx.demand.count({ where: { stageId, archivedAt: { not: null } } }),
      tx.transition.count({ where: { OR: [{ toStageId: stageId }, { fromStageId: stageId }] } }),
    ]);
    if (open > 0) {
      throw new AppError(
        ErrorCode.STAGE_NOT_EMPTY,
        `${stage.name} still holds ${open === 1 ? "1 demand" : `${open} demands`}; move or archive ${open === 1 ? "it" : "them"} before removing the stage.`,
        { stageId, demands: open },
      );
    }
    if (archived > 0 || logged > 0) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `${stage.name} cannot be removed: demands have passed through it, and the flow metrics are computed from that history. Rename or repurpose it instead.`,
        { stageId, archivedDemands: archived, transitions: logged },
      );
    }

    const criteria = await tx.criterion.findMany({ where: { stageId }, orderBy: { position: "asc" } });
    await tx.stage.delete({ where: { id: stageId } });
    await writeStageOrder(
      tx,
      stages.filter((candidate) => candidate.id !== stageId),
    );
    await restampCommitments(tx, boardId, stages);
    return {
      result: { stages: await stageViews(tx, boardId) },
      audit: [
        {
          action: "stage.deleted",
          entity: "stage",
          entityId: stageId,
          before: { ...toStageView(stage), criteria },
          after: null,
        },
      ],
    };
  });
}
