import type { EpochMs } from "./units";

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

/** A change of stage, with the positions of the stages it left and entered. */
export interface StageMove {
  at: EpochMs;
  fromPosition: number;
  toPosition: number;
}

/**
 * When a demand was last reopened: the latest move that took it from the
 * Done stage (or a later one) back to a stage before Done. Null when it
 * never left Done.
 *
 * Example, Done at position 5: moves Testing(4) -> Done(5) on day 2 and
 * Done(5) -> Development(3) on day 3 give day 3.
 */
export function lastReopenedAt(moves: readonly StageMove[], donePosition: number): EpochMs | null {
  let latest: EpochMs | null = null;
  for (const move of moves) {
    const reopens = move.fromPosition >= donePosition && move.toPosition < donePosition;
    if (reopens && (latest === null || move.at > latest)) latest = move.at;
  }
  return latest;
}

/**
 * Whether a production release may move a demand to Done: not when the
 * demand was reopened after the release happened. Someone reopened it
 * knowing about that release, so a late or replayed delivery of it (or of
 * any older one) must not send the demand back to Done; a release after the
 * reopening ships the rework and moves it again.
 */
export function releaseMayMoveToDone(releasedAt: EpochMs, reopenedAt: EpochMs | null): boolean {
  return reopenedAt === null || releasedAt > reopenedAt;
}
