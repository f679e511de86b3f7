import { describe, expect, it } from "vitest";
import { cycleTimeScatter } from "./cycle-time-scatter";
import { deliveryCycleTimes } from "./cycle-times";
import { BOARD, day, demand } from "./flow-fixture";
import { days } from "./units";

describe("cycleTimeScatter", () => {
  it("plots one point per completed demand with the p50, p85 and p95 lines (the worked example)", () => {
    const demands = [
      demand("a", [
        [day(0), "design"],
        [day(3), "done"],
      ]),
      demand("b", [
        [day(1), "design"],
        [day(2), "done"],
      ]),
      demand("c", [
        [day(0), "design"],
        [day(8), "done"],
      ]),
      demand("d", [
        [day(4), "design"],
        [day(6), "done"],
      ]),
      demand("open", [[day(0), "design"]]),
    ];
    const scatter = cycleTimeScatter(
      deliveryCycleTimes(demands, BOARD, { window: { from: day(0), to: day(30) } }),
    );
    expect(scatter).toEqual({
      points: [
        { demandId: "b", completedAt: day(2), duration: days(1) },
        { demandId: "a", completedAt: day(3), duration: days(3) },
        { demandId: "d", completedAt: day(6), duration: days(2) },
        { demandId: "c", completedAt: day(8), duration: days(8) },
      ],
      p50: days(2),
      p85: days(8),
      p95: days(8),
    });
  });

  it("has no lines without points", () => {
    expect(cycleTimeScatter([])).toEqual({ points: [], p50: null, p85: null, p95: null });
  });
});
