import { describe, expect, it } from "vitest";
import { BOARD, demand, generatedDemands } from "./flow-fixture";
import { quarterlyTwoOneOne } from "./quarterly-two-one-one";
import { twoOneOneTiles } from "./two-one-one-tiles";
import { DAY, days, type EpochMs, epochMs, hours } from "./units";

const at = (iso: string): EpochMs => epochMs(Date.parse(iso));

/** Committed at `start`, developed from start + 1 d to `end` - 1 d, released one hour before `end`, delivered at `end`. */
const delivered = (id: string, start: string, end: string, laneId = "standard") =>
  demand(
    id,
    [
      [at(start), "design"],
      [epochMs(at(start) + DAY), "development"],
      [epochMs(at(end) - hours(1)), "release"],
      [at(end), "done"],
    ],
    { laneId },
  );

describe("quarterlyTwoOneOne", () => {
  const demands = [
    delivered("a", "2026-02-01T00:00:00Z", "2026-02-11T00:00:00Z"), // Q1: 10 d delivery
    delivered("b", "2026-03-25T00:00:00Z", "2026-04-14T00:00:00Z", "expedite"), // Q2: 20 d
    delivered("c", "2026-05-01T00:00:00Z", "2026-05-06T00:00:00Z"), // Q2: 5 d
  ];
  const now = at("2026-08-15T12:00:00Z");

  it("summarizes each calendar quarter from the first delivery to now, empty quarters kept", () => {
    const { board } = quarterlyTwoOneOne(demands, BOARD, { now });
    expect(board.map((quarter) => [quarter.label, quarter.partial])).toEqual([
      ["2026-Q1", false],
      ["2026-Q2", false],
      ["2026-Q3", true],
    ]);
    const [q1, q2, q3] = board;
    expect(q1?.start).toBe(at("2026-01-01T00:00:00Z"));
    expect(q1?.end).toBe(at("2026-04-01T00:00:00Z"));
    expect(q1?.delivery).toMatchObject({ count: 1, p85: days(10), attainment: 1 });
    // b: 20 d, c: 5 d. Nearest rank p85 of 2 is the 2nd: 20 d; one of two within 14 d.
    expect(q2?.delivery).toMatchObject({ count: 2, p50: days(5), p85: days(20), attainment: 0.5 });
    // Development runs from a day after commitment to an hour before delivery.
    expect(q2?.development).toMatchObject({ count: 2, p85: days(18) + hours(23), attainment: 0.5 });
    expect(q2?.release).toMatchObject({ count: 2, p85: hours(1), attainment: 1 });
    expect(q3?.delivery).toMatchObject({ count: 0, p85: null, attainment: null });
  });

  it("splits the same quarters by swim lane", () => {
    const { lanes } = quarterlyTwoOneOne(demands, BOARD, { now });
    const expedite = lanes.find((lane) => lane.laneId === "expedite")?.quarters;
    const standard = lanes.find((lane) => lane.laneId === "standard")?.quarters;
    expect(expedite?.map((quarter) => quarter.delivery.count)).toEqual([0, 1, 0]);
    expect(standard?.map((quarter) => quarter.delivery.count)).toEqual([1, 1, 0]);
  });

  it("agrees with the 2-1-1 tiles over each quarter's window", () => {
    const generated = generatedDemands(500);
    const end = epochMs(Math.max(...generated.flatMap((flow) => flow.events.map((event) => event.at))) + DAY);
    const { board } = quarterlyTwoOneOne(generated, BOARD, { now: end });
    expect(board.length).toBeGreaterThanOrEqual(2);
    for (const quarter of board) {
      const window = { from: quarter.start, to: epochMs(Math.min(quarter.end, end + 1)) };
      const tiles = twoOneOneTiles(generated, BOARD, { window });
      for (const metric of ["delivery", "development", "release"] as const) {
        const { count, p50, p85, p95, attainment } = tiles[metric];
        expect(quarter[metric]).toMatchObject({ count, p50, p85, p95, attainment });
      }
    }
  });

  it("is empty of quarters before anything finished, and holds only the current one", () => {
    expect(quarterlyTwoOneOne([], BOARD, { now }).board.map((quarter) => quarter.label)).toEqual(["2026-Q3"]);
  });
});
