import { describe, expect, it } from "vitest";
import { demandCycleSummary, demandJourney, type JourneyLogRow } from "./demand-journey";
import { BOARD, day, demand } from "./flow-fixture";
import { days } from "./units";

function row(
  at: number,
  kind: JourneyLogRow["kind"],
  from: string | null,
  to: string,
  more: Partial<JourneyLogRow> = {},
) {
  return {
    at: day(at),
    kind,
    fromStageId: from,
    toStageId: to,
    fromLaneId: from === null ? null : "standard",
    toLaneId: "standard",
    actorId: "ann",
    note: null,
    ...more,
  } satisfies JourneyLogRow;
}

describe("demandJourney", () => {
  it("pairs stage entries with the next stage change and blockings with unblockings", () => {
    const steps = demandJourney(
      [
        row(0, "created", null, "selection"),
        row(2, "moved", "selection", "design", { actorId: "bob" }),
        row(3, "blocked", "design", "design", { note: "waiting for legal" }),
        row(3, "owner_changed", "design", "design", { note: "bob" }),
        row(4.5, "unblocked", "design", "design", { actorId: "bob" }),
        row(5, "moved", "design", "design", { toLaneId: "expedite" }),
      ],
      "calendar",
    );
    expect(steps).toEqual([
      {
        kind: "stage",
        at: day(0),
        actorId: "ann",
        stageId: "selection",
        fromStageId: null,
        leftAt: day(2),
        stayed: days(2),
      },
      {
        kind: "stage",
        at: day(2),
        actorId: "bob",
        stageId: "design",
        fromStageId: "selection",
        leftAt: null,
        stayed: null,
      },
      {
        kind: "blocked",
        at: day(3),
        actorId: "ann",
        reason: "waiting for legal",
        unblockedAt: day(4.5),
        unblockedById: "bob",
        lasted: days(1.5),
      },
      { kind: "owner", at: day(3), actorId: "ann", ownerId: "bob" },
      { kind: "lane", at: day(5), actorId: "ann", laneId: "expedite" },
    ]);
  });

  it("counts stays in business time when the board does (Friday noon to Monday noon is one day)", () => {
    // day(0) is a Monday: day(4.5) is Friday noon, day(7.5) Monday noon.
    const [first] = demandJourney(
      [row(4.5, "created", null, "selection"), row(7.5, "moved", "selection", "design")],
      "business-days",
    );
    expect(first).toMatchObject({ stayed: days(1) });
  });
});

describe("demandCycleSummary", () => {
  const expectation = { p50: days(5), p85: days(12) };

  it("gives a delivered demand its delivery and development cycle times and no age", () => {
    const delivered = demand("d", [
      [day(0), "selection"],
      [day(1), "design"],
      [day(3), "development"],
      [day(6), "release"],
      [day(9), "done"],
    ]);
    expect(demandCycleSummary(delivered, BOARD, day(20), expectation, "calendar")).toEqual({
      delivery: days(8),
      development: days(3),
      age: null,
    });
  });

  it("ages a demand in progress from its commitment point against the SLE", () => {
    const working = demand("w", [
      [day(0), "selection"],
      [day(2), "design"],
      [day(4), "development"],
    ]);
    expect(demandCycleSummary(working, BOARD, day(16), expectation, "calendar")).toEqual({
      delivery: null,
      development: null,
      age: { age: days(14), status: "beyond-sle" },
    });
  });
});
