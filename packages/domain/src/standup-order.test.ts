import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOARD, day } from "./flow-fixture";
import {
  compareForStandup,
  firstPlace,
  holdSeenOrder,
  keepSeenOrder,
  locatePlace,
  type StandupCard,
  type StandupColumn,
  type StandupPlace,
  type StandupStep,
  standupStages,
  standupWalk,
  stepStandup,
} from "./standup-order";

function card(id: string, stageId: string, details: Partial<StandupCard> = {}): StandupCard {
  return {
    id,
    number: Number(id.replace(/\D/g, "")) || 0,
    stageId,
    type: "feature",
    blocked: false,
    committedAt: day(1),
    enteredStageAt: day(2),
    ...details,
  };
}

const place = (stageId: string, demandId: string | null, index = 0): StandupPlace => ({
  kind: "card",
  stageId,
  demandId,
  index,
});

describe("standupStages", () => {
  it("reads every stage left of Done, rightmost first", () => {
    expect(standupStages([...BOARD].reverse()).map((stage) => stage.id)).toEqual([
      "release",
      "testing",
      "development",
      "design",
      "selection",
    ]);
  });

  it("leaves out the delivered stage and what follows it", () => {
    const stages = [
      { id: "doing", position: 1, kind: "active" as const, boundary: null },
      { id: "done", position: 2, kind: "done" as const, boundary: null },
      { id: "archive", position: 3, kind: "queue" as const, boundary: null },
    ];
    expect(standupStages(stages).map((stage) => stage.id)).toEqual(["doing"]);
    const markedEarlier = stages.map((stage) =>
      stage.id === "doing" ? { ...stage, boundary: "delivered" as const } : stage,
    );
    expect(standupStages(markedEarlier)).toEqual([]);
  });
});

describe("compareForStandup", () => {
  it("takes blocked cards first, then defects, then the oldest", () => {
    const cards = [
      card("d7", "testing", { committedAt: day(1) }),
      card("d9", "testing", { committedAt: day(3), type: "defect" }),
      card("d4", "testing", { committedAt: day(4), blocked: true }),
      card("d5", "testing", { committedAt: day(0) }),
      card("d6", "testing", { committedAt: day(5), blocked: true, type: "defect" }),
    ];
    expect(cards.sort(compareForStandup).map((c) => c.id)).toEqual(["d6", "d4", "d9", "d5", "d7"]);
  });

  it("ages uncommitted work from entering its stage, and breaks ties by key number", () => {
    const cards = [
      card("d3", "selection", { committedAt: null, enteredStageAt: day(2) }),
      card("d2", "selection", { committedAt: null, enteredStageAt: day(2) }),
      card("d8", "selection", { committedAt: null, enteredStageAt: day(1) }),
    ];
    expect(cards.sort(compareForStandup).map((c) => c.id)).toEqual(["d8", "d2", "d3"]);
  });

  it("is a total order: sorting any shuffle gives the same walk", () => {
    const arbitraryCard = fc.record({
      number: fc.integer({ min: 1, max: 50 }),
      blocked: fc.boolean(),
      type: fc.constantFrom("feature", "defect", "chore"),
      committed: fc.option(fc.integer({ min: 0, max: 5 })),
      entered: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryCard, { selector: (c) => c.number }), (drawn) => {
        const cards = drawn.map((c) =>
          card(`d${c.number}`, "testing", {
            blocked: c.blocked,
            type: c.type,
            committedAt: c.committed === null ? null : day(c.committed),
            enteredStageAt: day(c.entered),
          }),
        );
        const once = [...cards].sort(compareForStandup).map((c) => c.id);
        const reversed = [...cards]
          .reverse()
          .sort(compareForStandup)
          .map((c) => c.id);
        expect(reversed).toEqual(once);
      }),
    );
  });
});

describe("standupWalk", () => {
  it("lists each stage right to left with its cards, empty stages included, done work left out", () => {
    const walk = standupWalk(BOARD, [
      card("d1", "development", { committedAt: day(3) }),
      card("d2", "development", { committedAt: day(1) }),
      card("d3", "testing"),
      card("d4", "done"),
    ]);
    expect(walk).toEqual([
      { stageId: "release", demandIds: [] },
      { stageId: "testing", demandIds: ["d3"] },
      { stageId: "development", demandIds: ["d2", "d1"] },
      { stageId: "design", demandIds: [] },
      { stageId: "selection", demandIds: [] },
    ]);
  });
});

describe("keepSeenOrder", () => {
  it("keeps what was seen in place, drops what left and appends what arrived", () => {
    expect(keepSeenOrder(["A", "B", "C"], ["B", "A", "D"])).toEqual(["A", "B", "D"]);
  });

  it("applies only to stages already visited", () => {
    const walk: StandupColumn[] = [
      { stageId: "testing", demandIds: ["B", "A"] },
      { stageId: "development", demandIds: ["D", "C"] },
    ];
    expect(holdSeenOrder(walk, { testing: ["A", "B"] })).toEqual([
      { stageId: "testing", demandIds: ["A", "B"] },
      { stageId: "development", demandIds: ["D", "C"] },
    ]);
  });
});

describe("stepStandup", () => {
  const walk: StandupColumn[] = [
    { stageId: "release", demandIds: [] },
    { stageId: "testing", demandIds: ["t1", "t2"] },
    { stageId: "development", demandIds: ["v1"] },
  ];
  const walkBy = (steps: StandupStep[], from = firstPlace(walk)) => {
    const places: StandupPlace[] = [];
    for (const step of steps) places.push(stepStandup(walk, places.at(-1) ?? from, step));
    return places;
  };

  it("starts at the rightmost stage, even when it is empty", () => {
    expect(firstPlace(walk)).toEqual(place("release", null));
    expect(firstPlace([])).toEqual({ kind: "summary" });
  });

  it("walks card by card across stages into the summary, and back", () => {
    expect(walkBy(["next", "next", "next", "next", "next"])).toEqual([
      place("testing", "t1", 0),
      place("testing", "t2", 1),
      place("development", "v1", 0),
      { kind: "summary" },
      { kind: "summary" },
    ]);
    expect(walkBy(["back", "back", "back", "back", "back"], { kind: "summary" })).toEqual([
      place("development", "v1", 0),
      place("testing", "t2", 1),
      place("testing", "t1", 0),
      place("release", null),
      place("release", null),
    ]);
  });

  it("jumps a stage at a time to each stage's first card", () => {
    expect(walkBy(["next-stage", "next-stage", "next-stage"])).toEqual([
      place("testing", "t1", 0),
      place("development", "v1", 0),
      { kind: "summary" },
    ]);
    expect(walkBy(["previous-stage", "previous-stage"], place("testing", "t2", 1))).toEqual([
      place("release", null),
      place("release", null),
    ]);
    expect(stepStandup(walk, { kind: "summary" }, "previous-stage")).toEqual(place("development", "v1", 0));
  });

  it("stays at the same position when the focused card leaves its stage", () => {
    const after = [walk[0], { stageId: "testing", demandIds: ["t2", "t3"] }, walk[2]] as StandupColumn[];
    expect(locatePlace(after, place("testing", "t1", 0))).toEqual({ stageIndex: 1, cardIndex: 0 });
    expect(stepStandup(after, place("testing", "t1", 0), "next")).toEqual(place("testing", "t3", 1));
    const emptied = [walk[0], { stageId: "testing", demandIds: [] }, walk[2]] as StandupColumn[];
    expect(locatePlace(emptied, place("testing", "t2", 1))).toEqual({ stageIndex: 1, cardIndex: -1 });
    expect(stepStandup(emptied, place("testing", "t2", 1), "next")).toEqual(place("development", "v1", 0));
  });
});
