import type { TDemand } from "@tideway/contracts";

/** Neither blocked nor archived; no links, no criteria ticked. */
const UNTOUCHED = {
  blocked: false,
  blockedReason: null,
  blockedAt: null,
  archivedAt: null,
  links: [],
  checkedCriterionIds: [],
} satisfies Partial<TDemand>;

/** A demand for unit tests: "PAY-42" in stage s1 of lane "standard", version 1; `overrides` change any field. */
export function testDemand(overrides: Partial<TDemand> = {}): TDemand {
  return {
    id: "d1",
    key: "PAY-42",
    number: 42,
    title: "Settle refunds nightly",
    description: "",
    type: "feature",
    size: null,
    parentId: null,
    ownerId: null,
    stageId: "s1",
    laneId: "standard",
    rank: "a",
    version: 1,
    ...UNTOUCHED,
    enteredStageAt: "2026-01-01T00:00:00.000Z",
    committedAt: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}
