import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "./flow-fixture";
import { timeInStage } from "./time-in-stage";
import { days } from "./units";

const stage = (times: ReturnType<typeof timeInStage>, stageId: string) =>
  times.find((t) => t.stageId === stageId);

describe("timeInStage", () => {
  const demands = [
    demand("a", [
      [day(0), "development"],
      [day(2), "testing"],
      [day(3), "development"],
      [day(6), "release"],
      [day(7), "done"],
    ]),
    demand("b", [
      [day(0), "selection"],
      [day(4), "development"],
      [day(5), "blocked"],
      [day(7), "done"],
    ]),
    demand("open", [
      [day(1), "development"],
      [day(8), "archived"],
    ]),
  ];

  it("adds up each completed demand's visits to a stage, blocked time included (the worked example)", () => {
    const times = timeInStage(demands, BOARD, { window: { from: day(0), to: day(10) } });
    expect(times.map((t) => t.stageId)).toEqual(["selection", "design", "development", "testing", "release"]);
    expect(stage(times, "development")).toEqual({
      stageId: "development",
      demandCount: 2,
      total: days(8),
      // Times 3 and 5 days: the median is rank ceil(0.5 x 2) = 1, the p85 rank ceil(0.85 x 2) = 2.
      median: days(3),
      p85: days(5),
    });
    expect(stage(times, "selection")).toMatchObject({ demandCount: 1, total: days(4), median: days(4) });
    expect(stage(times, "design")).toEqual({
      stageId: "design",
      demandCount: 0,
      total: 0,
      median: null,
      p85: null,
    });
  });

  it("takes only demands delivered in the window in the completed scope", () => {
    const times = timeInStage(demands, BOARD, {
      window: { from: day(7), to: day(8) },
      filter: { type: "feature" },
    });
    expect(stage(times, "development")?.demandCount).toBe(2);
    expect(
      timeInStage(demands, BOARD, { window: { from: day(8), to: day(9) } }).every((t) => t.demandCount === 0),
    ).toBe(true);
  });

  it("counts the time every demand spent inside the window in the window scope, archived time nowhere", () => {
    const times = timeInStage(demands, BOARD, { window: { from: day(5), to: day(10) }, scope: "window" });
    // a: development 5-6, release 6-7; b: development 5-7; open: development 5-8, then archived.
    expect(stage(times, "development")).toMatchObject({ demandCount: 3, total: days(6), median: days(2) });
    expect(stage(times, "release")).toMatchObject({ demandCount: 1, total: days(1) });
    expect(stage(times, "selection")).toMatchObject({ demandCount: 0, total: 0 });
  });

  it("is all zeros for an empty window", () => {
    const times = timeInStage(demands, BOARD, { window: { from: day(5), to: day(5) }, scope: "window" });
    expect(times.every((t) => t.demandCount === 0 && t.total === 0 && t.median === null)).toBe(true);
  });
});
