import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "../flow-fixture";
import { dailyThroughputSamples } from "./daily-throughput-samples";

describe("dailyThroughputSamples", () => {
  it("counts deliveries per day over the whole weeks before today, zeros included, today left out", () => {
    const delivered = (id: string, at: ReturnType<typeof day>) =>
      demand(id, [
        [day(0), "design"],
        [at, "done"],
      ]);
    const demands = [
      delivered("a", day(3, 10)), // Thursday of week 1
      delivered("b", day(3, 18)),
      delivered("c", day(7, 9)), // Monday of week 2
      delivered("today", day(9, 8)), // today: not sampled
      delivered("old", day(1)), // before the window
    ];
    const samples = dailyThroughputSamples(demands, BOARD, { now: day(9, 12), weeks: 1 });
    expect(samples.window).toEqual({ from: day(2), to: day(9) });
    expect(samples.perDay).toEqual([0, 2, 0, 0, 0, 1, 0]);
  });
});
