import { DEFAULT_PIPELINE_SETTINGS, type TPipelineSettings, ZPipelineSettings } from "@tideway/contracts";

/**
 * The board's pipeline settings from `Board.settings` (a JSON object shared
 * with other settings): each field that is missing or unreadable takes its
 * default, so an old or hand-edited board never breaks a webhook.
 */
export function readPipelineSettings(settings: unknown): TPipelineSettings {
  const stored =
    typeof settings === "object" && settings !== null ? (settings as Record<string, unknown>) : {};
  const moves = ZPipelineSettings.shape.releaseMovesToDone.safeParse(stored.releaseMovesToDone);
  const environments = ZPipelineSettings.shape.productionEnvironments.safeParse(
    stored.productionEnvironments,
  );
  return {
    releaseMovesToDone: moves.success ? moves.data : DEFAULT_PIPELINE_SETTINGS.releaseMovesToDone,
    productionEnvironments: environments.success
      ? environments.data
      : DEFAULT_PIPELINE_SETTINGS.productionEnvironments,
  };
}
