import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "./flow-fixture";
import { throughput } from "./throughput";

const deliveredOn = (id: string, at: ReturnType<typeof day>) =>
  demand(id, [
    [day(-5), "design"],
    [at, "done"],
  ]);

describe("throughput", () => {
  it("counts deliveries per UTC day, with empty days as zeros", () => {
    const demands = [
      deliveredOn("a", day(0, 9)),
      deliveredOn("b", day(0, 23)),
      deliveredOn("c", day(2, 1)),
      demand("unfinished", [[day(0), "testing"]]),
    ];
    expect(throughput(demands, BOARD, { window: { from: day(0), to: day(3) }, period: "day" })).toEqual([
      { start: day(0), end: day(1), count: 2 },
      { start: day(1), end: day(2), count: 0 },
      { start: day(2), end: day(3), count: 1 },
    ]);
  });

  it("counts per Monday-to-Monday week, cutting the first and last week at the window", () => {
    const demands = [
      deliveredOn("thursday", day(3)),
      deliveredOn("friday", day(4)),
      deliveredOn("monday", day(7, 12)),
      deliveredOn("after", day(9)),
    ];
    expect(throughput(demands, BOARD, { window: { from: day(2), to: day(9) }, period: "week" })).toEqual([
      { start: day(2), end: day(7), count: 2 },
      { start: day(7), end: day(9), count: 1 },
    ]);
  });

  it("counts a demand reworked after delivery once, at its last delivery, and not while reopened", () => {
    const demands = [
      demand("redelivered", [
        [day(0), "design"],
        [day(1), "done"],
        [day(2), "testing"],
        [day(3), "done"],
      ]),
      demand("reopened", [
        [day(0), "design"],
        [day(1), "done"],
        [day(2), "testing"],
      ]),
    ];
    expect(
      throughput(demands, BOARD, { window: { from: day(0), to: day(4) }, period: "day" }).map((b) => b.count),
    ).toEqual([0, 0, 0, 1]);
  });

  it("is empty for an empty window", () => {
    expect(
      throughput([deliveredOn("a", day(1))], BOARD, { window: { from: day(1), to: day(1) }, period: "day" }),
    ).toEqual([]);
  });
});
