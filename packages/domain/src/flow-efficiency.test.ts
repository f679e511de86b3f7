import { describe, expect, it } from "vitest";
import { flowEfficiency } from "./flow-efficiency";
import { BOARD, day, demand } from "./flow-fixture";
import { days } from "./units";

const june = { from: day(0), to: day(30) };

describe("flowEfficiency", () => {
  it("is active, unblocked time over the delivery cycle time (the worked example)", () => {
    const demands = [
      demand("a", [
        [day(-3), "selection"],
        [day(0), "design"],
        [day(1), "blocked"],
        [day(2), "unblocked"],
        [day(4), "release"],
        [day(10), "done"],
      ]),
    ];
    expect(flowEfficiency(demands, BOARD, { window: june })).toEqual({
      efficiency: 0.3,
      activeTime: days(3),
      cycleTime: days(10),
      demands: [{ demandId: "a", activeTime: days(3), cycleTime: days(10), efficiency: 0.3 }],
    });
  });

  it("weighs demands by cycle time and counts rework in active stages as active", () => {
    const demands = [
      demand("quick", [
        [day(0), "development"],
        [day(1), "done"],
      ]),
      demand("reworked", [
        [day(0), "design"],
        [day(2), "release"],
        [day(4), "done"],
        [day(5), "testing"],
        [day(6), "done"],
      ]),
    ];
    const result = flowEfficiency(demands, BOARD, { window: june });
    expect(result.demands).toEqual([
      { demandId: "quick", activeTime: days(1), cycleTime: days(1), efficiency: 1 },
      { demandId: "reworked", activeTime: days(3), cycleTime: days(6), efficiency: 0.5 },
    ]);
    expect(result.efficiency).toBe(4 / 7);
  });

  it("takes demands delivered in the window, with their whole cycle even when it began before", () => {
    const demands = [
      demand("started-before", [
        [day(0), "design"],
        [day(8), "release"],
        [day(12), "done"],
      ]),
      demand("still-open", [[day(11), "design"]]),
      demand("delivered-after", [
        [day(11), "design"],
        [day(25), "done"],
      ]),
    ];
    const result = flowEfficiency(demands, BOARD, { window: { from: day(10), to: day(20) } });
    expect(result.demands).toEqual([
      { demandId: "started-before", activeTime: days(8), cycleTime: days(12), efficiency: 8 / 12 },
    ]);
  });

  it("has no efficiency for no demands or a zero cycle time", () => {
    expect(flowEfficiency([], BOARD, { window: june })).toEqual({
      efficiency: null,
      activeTime: 0,
      cycleTime: 0,
      demands: [],
    });
    const instant = demand("instant", [[day(1), "done"]]);
    expect(flowEfficiency([instant], BOARD, { window: june }).demands[0]?.efficiency).toBeNull();
  });
});
