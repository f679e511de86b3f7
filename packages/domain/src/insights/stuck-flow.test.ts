import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "../flow-fixture";
import { days } from "../units";
import { stuckFlow } from "./stuck-flow";

describe("stuckFlow", () => {
  // Window [day 0, day 14), now day 14.
  const demands = [
    demand("a", [
      [day(-10), "design"],
      [day(-6), "testing"],
      [day(4), "release"],
      [day(6), "done"],
    ]),
    demand("b", [
      [day(2), "development"],
      [day(10), "testing"],
    ]),
    demand("c", [
      [day(1), "design"],
      [day(3), "development"],
      [day(5), "blocked"],
      [day(9), "unblocked"],
    ]),
    // Left Testing before the window: no evidence of anything now.
    demand("d", [
      [day(-20), "development"],
      [day(-15), "testing"],
      [day(-14), "done"],
    ]),
  ];

  it("measures whole visits overlapping the window and the queues' growth (hand-worked)", () => {
    const stuck = stuckFlow(demands, BOARD, day(14));
    expect(stuck.from).toBe(day(0));
    expect(stuck.stages.map((stage) => stage.stageId)).toEqual([
      "design",
      "development",
      "testing",
      "release",
    ]);
    const byId = new Map(stuck.stages.map((stage) => [stage.stageId, stage]));
    // Testing: a 10 days (day -6 to 4, counted whole), b 4 days so far.
    expect(byId.get("testing")).toEqual({
      stageId: "testing",
      demandCount: 2,
      stillThere: 1,
      medianTime: days(4),
      p85Time: days(10),
      arrivals: 1,
      departures: 1,
      netGrowthPerDay: 0,
    });
    // Development: b 8 days, c 11 days (one visit, blocked in the middle); d's visit ended before the window.
    expect(byId.get("development")).toEqual({
      stageId: "development",
      demandCount: 2,
      stillThere: 1,
      medianTime: days(8),
      p85Time: days(11),
      arrivals: 2,
      departures: 1,
      netGrowthPerDay: 1 / 14,
    });
    expect(byId.get("design")).toMatchObject({
      demandCount: 1,
      medianTime: days(2),
      arrivals: 1,
      departures: 1,
    });
    expect(byId.get("release")).toMatchObject({ demandCount: 1, p85Time: days(2), stillThere: 0 });
    expect(stuck.longestWait).toBe("development");
    expect(stuck.fastestGrowingQueue).toBe("development");
  });

  it("names no growing queue when every stage emptied as fast as it filled", () => {
    const stuck = stuckFlow(demands.slice(0, 1), BOARD, day(14));
    expect(stuck.fastestGrowingQueue).toBeNull();
    expect(stuck.longestWait).toBe("testing");
  });

  it("counts no archived time and names nothing on an empty board", () => {
    const archived = demand("e", [
      [day(1), "testing"],
      [day(2), "archived"],
    ]);
    const stuck = stuckFlow([archived], BOARD, day(14));
    expect(stuck.stages.find((stage) => stage.stageId === "testing")).toMatchObject({
      demandCount: 1,
      stillThere: 0,
      p85Time: days(1),
      arrivals: 1,
      departures: 1,
    });
    expect(stuckFlow([], BOARD, day(14))).toMatchObject({ longestWait: null, fastestGrowingQueue: null });
  });
});
