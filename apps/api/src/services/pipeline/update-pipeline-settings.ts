import type { TPipelineSettingsChange, TUpdatePipelineSettingsBody } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import { commitSettingsChange, type SettingsDeps } from "../settings/commit-settings-change";
import { lockBoardSettings } from "../settings/lock-board-settings";
import { readPipelineSettings } from "./pipeline-settings";

/**
 * Changes whether a production release moves its demands to Done and which
 * environments are production. Stored in `Board.settings` beside the board's
 * other settings, which are kept as they are. Admins only; audited.
 */
export async function updatePipelineSettings(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  input: TUpdatePipelineSettingsBody,
): Promise<TPipelineSettingsChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const stored = await lockBoardSettings(tx, boardId);
    const before = readPipelineSettings(stored);
    const after = {
      releaseMovesToDone: input.releaseMovesToDone ?? before.releaseMovesToDone,
      productionEnvironments: input.productionEnvironments
        ? [...new Set(input.productionEnvironments)]
        : before.productionEnvironments,
    };
    if (JSON.stringify(after) === JSON.stringify(before)) return { result: { settings: before }, audit: [] };
    await tx.board.update({ where: { id: boardId }, data: { settings: { ...stored, ...after } } });
    return {
      result: { settings: after },
      audit: [
        {
          action: "pipeline_settings.updated",
          entity: "pipeline_settings",
          entityId: boardId,
          before,
          after,
        },
      ],
    };
  });
}
