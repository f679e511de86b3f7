/** What a delivery pipeline reports about code naming a demand. */
export type CodeEventKind = "commit" | "merge" | "release" | "deploy";

/**
 * The release rule: which code events ship to production and so end a
 * release lead time. A `release` counts unless it names an environment that
 * is not a production one; a `deploy` counts only to a production environment
 * (compared case-insensitively; default: "production"). A deploy to staging
 * is recorded and linked but releases nothing.
 *
 * The dashboard's tile (apps/api/src/services/metrics/load-board-flow.ts)
 * applies the same rule in SQL, so that it agrees with GET /api/demands/:id/code.
 */
export function countsAsRelease(
  event: { kind: CodeEventKind; environment: string | null },
  settings: { productionEnvironments: readonly string[] },
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

function isProductionEnvironment(
  environment: string,
  settings: { productionEnvironments: readonly string[] },
): boolean {
  const name = environment.trim().toLowerCase();
  return settings.productionEnvironments.some((production) => production.trim().toLowerCase() === name);
}
