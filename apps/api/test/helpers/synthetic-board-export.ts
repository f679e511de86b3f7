import { BOARD_EXPORT_FORMAT_VERSION } from "@tideway/contracts";

/**
 * A valid board export of about `sizeBytes` of JSON, written piece by piece
 * (never held whole), for tests and benches of large imports: three stages,
 * one lane, demands of ten transitions each (about 5 KB per demand). The
 * same inputs always give the same document. `transitionAt` lets a test
 * replace one transition's JSON text (a wrong type deep in the log).
 */
export function* syntheticBoardExport(options: {
  sizeBytes: number;
  key?: string;
  transitionAt?: (index: number, transition: Record<string, unknown>) => Record<string, unknown>;
}): Generator<string> {
  const TRANSITIONS_PER_DEMAND = 10;
  const demands = Math.max(1, Math.round(options.sizeBytes / 5_000));
  const id = (kind: number, n: number) => `0000000${kind}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const stages = [0, 1, 2].map((n) => id(1, n));
  const lane = id(2, 0);
  const day = Date.UTC(2026, 0, 1);
  const at = (minutes: number) => new Date(day + minutes * 60_000).toISOString();
  yield `{"formatVersion":${BOARD_EXPORT_FORMAT_VERSION},"exportedAt":"${at(0)}",`;
  yield JSON.stringify({
    board: {
      id: id(9, 0),
      key: options.key ?? "BIG",
      name: "Big board",
      settings: {},
      createdAt: at(0),
      nextDemandNumber: demands + 1,
    },
  }).slice(1, -1);
  yield `,"members":[],"stages":${JSON.stringify(
    stages.map((stageId, position) => ({
      id: stageId,
      name: `Stage ${position}`,
      position,
      kind: (["queue", "active", "done"] as const)[position],
      wipLimit: null,
      wipPolicy: "soft",
      boundary: (["commitment", null, "delivered"] as const)[position],
    })),
  )},"lanes":${JSON.stringify([{ id: lane, name: "Lane", position: 0, wipLimit: null, wipPolicy: "soft" }])}`;
  yield `,"criteria":[],"demands":[`;
  for (let n = 0; n < demands; n++) {
    yield `${n === 0 ? "" : ","}${JSON.stringify({
      id: id(3, n),
      number: n + 1,
      title: `Demand ${n + 1}: a title of ordinary length for a piece of work`,
      description: "A description a person wrote, a few lines long. ".repeat(12),
      type: "feature",
      size: null,
      parentId: null,
      ownerId: null,
      stageId: stages[2],
      laneId: lane,
      rank: `a${n.toString(36).padStart(6, "0")}`,
      blocked: false,
      blockedReason: null,
      blockedAt: null,
      links: [],
      version: 1,
      archivedAt: null,
      enteredStageAt: at(n + 30),
      committedAt: at(n + 10),
      createdAt: at(n),
      updatedAt: at(n + 30),
      checks: [],
    })}`;
  }
  yield `],"transitions":[`;
  for (let index = 0; index < demands * TRANSITIONS_PER_DEMAND; index++) {
    const n = Math.floor(index / TRANSITIONS_PER_DEMAND);
    const step = index % TRANSITIONS_PER_DEMAND;
    const from = step === 0 ? null : stages[Math.min(step - 1, 2)];
    const transition = {
      id: id(4, index),
      demandId: id(3, n),
      kind: step === 0 ? "created" : "moved",
      fromStageId: from ?? null,
      toStageId: stages[Math.min(step, 2)],
      fromLaneId: step === 0 ? null : lane,
      toLaneId: lane,
      at: at(n + step * 3),
      actorId: null,
      overWip: false,
      note: step === 5 ? "Moved back after a review found a gap in the acceptance tests" : null,
    };
    yield `${index === 0 ? "" : ","}${JSON.stringify(options.transitionAt?.(index, transition) ?? transition)}`;
  }
  yield `],"codeEvents":[]}`;
}
