import {
  DEFAULT_PIPELINE_SETTINGS,
  type TCodeEventKind,
  type TPipelineSettings,
  ZPipelineSettings,
} from "@tideway/contracts";

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

/**
 * The release rule: which code events ship to production and so end a
 * release lead time. A `release` counts unless it names an environment that
 * is not a production one; a `deploy` counts only to a production environment
 * (compared case-insensitively; default: "production"). A deploy to staging
 * is recorded and linked but releases nothing.
 *
 * The dashboard's tile (services/metrics/load-board-flow.ts) must use the
 * same rule to agree with GET /api/demands/:id/code.
 */
export function countsAsRelease(
  event: { kind: TCodeEventKind; environment: string | null },
  settings: TPipelineSettings,
): boolean {
  switch (event.kind) {
    case "release":
      return event.environment === null || isProductionEnvironment(event.environment, settings);
    case "deploy":
      return event.environment !== null && isProductionEnvironment(event.environment, settings);
    case "commit":
    case "merge":
      return false;
  }
}

function isProductionEnvironment(environment: string, settings: TPipelineSettings): boolean {
  const name = environment.trim().toLowerCase();
  return settings.productionEnvironments.some((production) => production.trim().toLowerCase() === name);
}
