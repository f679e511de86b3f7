import { describe, expect, it } from "vitest";
import { deliveryCycleTimes, developmentCycleTimes, releaseLeadTimes } from "./cycle-times";
import { BOARD, day, demand } from "./flow-fixture";
import type { CodeSignal } from "./flow-history";
import { days, epochMs, minutes } from "./units";

const june = { from: day(0), to: day(30) };

/** Committed on `start`, delivered on `end` (days after MONDAY). */
const delivered = (
  id: string,
  start: number,
  end: number,
  details: { type?: string; laneId?: string } = {},
) =>
  demand(
    id,
    [
      [day(start), "design"],
      [day(end), "done"],
    ],
    details,
  );

describe("deliveryCycleTimes", () => {
  it("measures commitment point to delivery, in order of delivery", () => {
    const demands = [delivered("b", 3, 9), delivered("a", 1, 5)];
    expect(deliveryCycleTimes(demands, BOARD, { window: june })).toEqual([
      { demandId: "a", startedAt: day(1), finishedAt: day(5), duration: days(4) },
      { demandId: "b", startedAt: day(3), finishedAt: day(9), duration: days(6) },
    ]);
  });

  it("measures from the first commitment to the last delivery of a demand sent back", () => {
    const reworked = demand("r", [
      [day(0), "selection"],
      [day(1), "design"],
      [day(2), "selection"],
      [day(3), "design"],
      [day(4), "done"],
      [day(5), "testing"],
      [day(8), "done"],
    ]);
    expect(deliveryCycleTimes([reworked], BOARD, { window: june })).toMatchObject([
      { demandId: "r", finishedAt: day(8), duration: days(7) },
    ]);
  });

  it("leaves out demands never finished or sent back and not re-finished", () => {
    const waiting = demand("w", [[day(1), "testing"]]);
    const reopened = demand("o", [
      [day(1), "design"],
      [day(2), "done"],
      [day(3), "testing"],
    ]);
    expect(deliveryCycleTimes([waiting, reopened], BOARD, { window: june })).toEqual([]);
  });

  it("selects by delivery: from inclusive, to exclusive, cycles that began before the window in full", () => {
    const window = { from: day(10), to: day(20) };
    const demands = [
      delivered("before-window", 2, 9),
      delivered("started-before", 2, 10),
      delivered("inside", 12, 15),
      delivered("on-to", 15, 20),
      delivered("started-inside-finished-after", 18, 25),
    ];
    expect(deliveryCycleTimes(demands, BOARD, { window })).toMatchObject([
      { demandId: "started-before", duration: days(8) },
      { demandId: "inside", duration: days(3) },
    ]);
  });

  it("is empty for an empty window", () => {
    expect(
      deliveryCycleTimes([delivered("a", 1, 5)], BOARD, { window: { from: day(5), to: day(5) } }),
    ).toEqual([]);
  });

  it("filters by lane and by type", () => {
    const demands = [
      delivered("feature-standard", 1, 2),
      delivered("defect-standard", 1, 3, { type: "defect" }),
      delivered("defect-expedite", 1, 4, { type: "defect", laneId: "expedite" }),
    ];
    const ids = (filter: { laneId?: string; type?: string }) =>
      deliveryCycleTimes(demands, BOARD, { window: june, filter }).map((time) => time.demandId);
    expect(ids({ type: "defect" })).toEqual(["defect-standard", "defect-expedite"]);
    expect(ids({ laneId: "expedite" })).toEqual(["defect-expedite"]);
    expect(ids({ laneId: "standard", type: "defect" })).toEqual(["defect-standard"]);
  });

  it("counts business days when asked: committed Monday, delivered the Friday after next", () => {
    const demands = [
      demand("a", [
        [day(0, 9), "design"],
        [day(11, 9), "done"],
      ]),
    ];
    expect(deliveryCycleTimes(demands, BOARD, { window: june })[0]?.duration).toBe(days(11));
    expect(
      deliveryCycleTimes(demands, BOARD, { window: june, timeBasis: "business-days" })[0]?.duration,
    ).toBe(days(9));
  });
});

describe("developmentCycleTimes", () => {
  it("measures first entry into Development to last entry into Release, selected by development end", () => {
    const demands = [
      demand("a", [
        [day(0), "design"],
        [day(2), "development"],
        [day(4), "testing"],
        [day(5), "development"],
        [day(8), "release"],
      ]),
      demand("b", [
        [day(0), "development"],
        [day(2), "release"],
        [day(3), "testing"],
        [day(6), "release"],
        [day(7), "done"],
      ]),
      demand("still-developing", [[day(1), "testing"]]),
    ];
    expect(developmentCycleTimes(demands, BOARD, { window: june })).toMatchObject([
      { demandId: "b", startedAt: day(0), finishedAt: day(6), duration: days(6) },
      { demandId: "a", startedAt: day(2), finishedAt: day(8), duration: days(6) },
    ]);
    expect(developmentCycleTimes(demands, BOARD, { window: { from: day(7), to: day(30) } })).toMatchObject([
      { demandId: "a" },
    ]);
  });
});

describe("releaseLeadTimes", () => {
  const shipped = (id: string, code?: { submitted: number | null; released: number | null } | null) =>
    demand(
      id,
      [
        [day(1), "development"],
        [day(2, 14), "release"],
        [day(2, 16, 30), "done"],
      ],
      {
        code:
          code &&
          ({
            lastSubmissionAt: code.submitted === null ? null : epochMs(code.submitted),
            releasedAt: code.released === null ? null : epochMs(code.released),
          } satisfies CodeSignal),
      },
    );

  it("measures last code submission to release from the pipeline", () => {
    const demands = [shipped("a", { submitted: day(2, 10), released: day(2, 10, 40) })];
    expect(releaseLeadTimes(demands, BOARD, { window: june })).toEqual([
      {
        demandId: "a",
        startedAt: day(2, 10),
        finishedAt: day(2, 10, 40),
        duration: minutes(40),
        source: "pipeline",
      },
    ]);
  });

  it("falls back to entering Release and Done for demands without code events", () => {
    const demands = [shipped("a"), shipped("b", null), shipped("c", { submitted: null, released: null })];
    expect(releaseLeadTimes(demands, BOARD, { window: june })).toMatchObject([
      { demandId: "a", duration: minutes(150), source: "board" },
      { demandId: "b", duration: minutes(150), source: "board" },
      { demandId: "c", duration: minutes(150), source: "board" },
    ]);
  });

  it("has no lead time while the last submission is unreleased", () => {
    const demands = [
      shipped("a", { submitted: day(2, 10), released: null }),
      shipped("b", { submitted: day(2, 10), released: day(2, 9) }),
    ];
    expect(releaseLeadTimes(demands, BOARD, { window: june })).toEqual([]);
  });

  it("selects by release time", () => {
    const demands = [shipped("a", { submitted: day(9, 23, 30), released: day(10, 0, 10) })];
    expect(releaseLeadTimes(demands, BOARD, { window: { from: day(10), to: day(11) } })).toMatchObject([
      { duration: minutes(40) },
    ]);
    expect(releaseLeadTimes(demands, BOARD, { window: { from: day(0), to: day(10) } })).toEqual([]);
  });
});
