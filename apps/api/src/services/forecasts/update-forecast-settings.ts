import type { TForecastSettings, TForecastSettingsChange } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import { commitSettingsChange, type SettingsDeps } from "../settings/commit-settings-change";
import { lockBoardSettings } from "../settings/lock-board-settings";
import { readForecastSettings } from "./forecast-settings";

/**
 * Changes how many weeks of throughput the forecasts sample. Stored in
 * `Board.settings` beside the board's other settings, which are kept as
 * they are. Admins only; audited.
 */
export async function updateForecastSettings(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  input: TForecastSettings,
): Promise<TForecastSettingsChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const stored = await lockBoardSettings(tx, boardId);
    const before = readForecastSettings(stored);
    const after = { forecastWeeks: input.forecastWeeks };
    if (after.forecastWeeks === before.forecastWeeks) return { result: { settings: before }, audit: [] };
    await tx.board.update({ where: { id: boardId }, data: { settings: { ...stored, ...after } } });
    return {
      result: { settings: after },
      audit: [
        {
          action: "forecast_settings.updated",
          entity: "forecast_settings",
          entityId: boardId,
          before,
          after,
        },
      ],
    };
  });
}
