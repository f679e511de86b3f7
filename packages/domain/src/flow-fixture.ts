import type { CodeSignal, DemandFlow, FlowEvent, FlowEventKind, FlowStage } from "./flow-history";
import { DAY, type EpochMs, epochMs, HOUR, MINUTE } from "./units";

/**
 * Test data for the flow metrics: the default 2-1-1 board and a shorthand
 * for a demand's history. Not exported from the package.
 */

export const BOARD: readonly FlowStage[] = [
  { id: "selection", position: 0, kind: "queue", boundary: null },
  { id: "design", position: 1, kind: "active", boundary: "commitment" },
  { id: "development", position: 2, kind: "active", boundary: "development_start" },
  { id: "testing", position: 3, kind: "active", boundary: null },
  { id: "release", position: 4, kind: "queue", boundary: "development_end" },
  { id: "done", position: 5, kind: "done", boundary: "delivered" },
];

/** Monday 2026-06-01 00:00 UTC. */
export const MONDAY = epochMs(Date.UTC(2026, 5, 1));

/** `day` days (and hours, minutes) after MONDAY. */
export function day(days: number, hours = 0, minutes = 0): EpochMs {
  return epochMs(MONDAY + days * DAY + hours * HOUR + minutes * MINUTE);
}

type Flag = Exclude<FlowEventKind, "created" | "moved">;
const FLAGS: ReadonlySet<string> = new Set<Flag>(["blocked", "unblocked", "archived", "restored"]);

/**
 * A demand from steps `[at, stageId]` (the first creates it there, later
 * ones move it) and `[at, "blocked" | "unblocked" | "archived" | "restored"]`
 * (in the stage it is in).
 */
export function demand(
  id: string,
  steps: readonly (readonly [EpochMs, string])[],
  details: { type?: string; laneId?: string; code?: CodeSignal | null } = {},
): DemandFlow {
  const events: FlowEvent[] = [];
  let stageId: string | null = null;
  for (const [at, what] of steps) {
    if (FLAGS.has(what)) {
      events.push({ at, kind: what as Flag, toStageId: stageId ?? "", fromStageId: stageId });
    } else {
      events.push({
        at,
        kind: stageId === null ? "created" : "moved",
        toStageId: what,
        fromStageId: stageId,
      });
      stageId = what;
    }
  }
  return {
    id,
    type: details.type ?? "feature",
    laneId: details.laneId ?? "standard",
    events,
    code: details.code,
  };
}

/**
 * `count` demands flowing across BOARD over ~120 days from MONDAY, with
 * rework, blocking, abandonment and code signals, from a fixed seed: enough
 * volume to cross-check the metrics against each other.
 */
export function generatedDemands(count: number, seed = 1): DemandFlow[] {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const stageIds = BOARD.map((stage) => stage.id);
  return Array.from({ length: count }, (_, index) => {
    let at = MONDAY + random() * 100 * DAY;
    let rank = 0;
    const steps: [EpochMs, string][] = [[epochMs(at), "selection"]];
    while (rank < stageIds.length - 1 && steps.length < 14) {
      at += random() * 2 * DAY;
      const roll = random();
      if (roll < 0.08) {
        steps.push([epochMs(at), "blocked"], [epochMs(at + random() * DAY), "unblocked"]);
        at += DAY;
      } else if (roll < 0.11) {
        steps.push([epochMs(at), "archived"]);
        break;
      } else {
        rank = roll < 0.2 && rank > 1 ? rank - 1 : rank + 1;
        steps.push([epochMs(at), stageIds[rank] ?? "done"]);
      }
    }
    const code =
      random() < 0.5
        ? { lastSubmissionAt: epochMs(at - 2 * HOUR), releasedAt: epochMs(at - random() * HOUR) }
        : null;
    return demand(`g${index}`, steps, { type: random() < 0.2 ? "defect" : "feature", code });
  });
}
