import { describe, expect, it } from "vitest";
import { BOARD, day, demand } from "../flow-fixture";
import { DAY } from "../units";
import { wipLimitAdvice } from "./wip-limit-advice";

describe("wipLimitAdvice", () => {
  // Window: 2 weeks, [day 0, day 14).
  const shapeA = (id: string) =>
    demand(id, [
      [day(0), "design"],
      [day(1), "development"],
      [day(4), "testing"],
      [day(5), "release"],
      [day(6), "done"],
    ]);
  const shapeB = (id: string) =>
    demand(id, [
      [day(2), "design"],
      [day(3), "development"],
      [day(6), "testing"],
      [day(8), "release"],
      [day(9), "done"],
    ]);
  const inProgress = demand("c", [
    [day(5), "design"],
    [day(6), "development"],
  ]);
  const demands = [
    ...Array.from({ length: 7 }, (_, i) => shapeA(`a${i}`)),
    ...Array.from({ length: 7 }, (_, i) => shapeB(`b${i}`)),
    inProgress,
  ];

  it("advises ceil(throughput x the shorter of target and median time in stage) per committed stage (hand-worked)", () => {
    const advice = wipLimitAdvice(demands, BOARD, day(14), { weeks: 2 });
    expect(advice.map((stage) => stage.stageId)).toEqual(["design", "development", "testing", "release"]);
    const byId = new Map(advice.map((stage) => [stage.stageId, stage]));
    // Delivered time in stage: Design 14 d, Development 42 d, Testing 21 d, Release 14 d.
    // Development shares the 7-day target 42:21, the rest shares 14 - 7 = 7 days 14:14.
    const development = byId.get("development");
    expect(development?.group).toBe("development");
    expect(development?.share).toBeCloseTo(2 / 3, 10);
    expect((development?.targetTime ?? 0) / DAY).toBeCloseTo(14 / 3, 10);
    // 14 left Development in 14 days: 1 a day x min(4.67 days, median stay 3 days) -> 3.
    expect(development?.throughputPerDay).toBe(1);
    expect((development?.historicalTime ?? 0) / DAY).toBe(3);
    expect(development?.advisedLimit).toBe(3);
    // Testing: 1 a day x min(2.33 days, median 1 day of [1 x 7, 2 x 7]) -> 1.
    expect(byId.get("testing")?.advisedLimit).toBe(1);
    // Design: 15 left (c too) in 14 days x min(3.5 days, 1 day) = 1.07 -> 2.
    expect(byId.get("design")).toMatchObject({ group: "delivery", share: 0.5, throughputPerDay: 15 / 14 });
    expect(byId.get("design")?.advisedLimit).toBe(2);
    // Release: 1 a day x min(3.5 days, 1 day) -> 1.
    expect(byId.get("release")?.advisedLimit).toBe(1);
  });

  it("rounds a part-demand up, and gives no advice without history", () => {
    // 7 left Development in 14 days (0.5 a day); Development holds all development time (7 days) but
    // its demands stay 2 days: 0.5 x 2 = 1;
    // Testing saw nobody: no share, no advice.
    const onlyDevelopment = Array.from({ length: 7 }, (_, i) =>
      demand(`d${i}`, [
        [day(0), "development"],
        [day(2), "release"],
        [day(3), "done"],
      ]),
    );
    const advice = wipLimitAdvice(onlyDevelopment, BOARD, day(14), { weeks: 2 });
    expect(advice.find((stage) => stage.stageId === "development")).toMatchObject({
      share: 1,
      throughputPerDay: 0.5,
      advisedLimit: 1,
    });
    expect(advice.find((stage) => stage.stageId === "testing")).toMatchObject({
      share: 0,
      advisedLimit: null,
    });
    // Release: 0.5 a day x min(all 7 delivery days, its 1-day stays) = 0.5 -> 1; Design: no history, no advice.
    expect(advice.find((stage) => stage.stageId === "release")?.advisedLimit).toBe(1);
    expect(advice.find((stage) => stage.stageId === "design")?.advisedLimit).toBeNull();
    expect(wipLimitAdvice([], BOARD, day(14)).every((stage) => stage.advisedLimit === null)).toBe(true);
  });

  it("is not inflated by a stage that historically takes minutes", () => {
    // One demand a day through Design (1 day) and Release (10 minutes): Release's tiny share hands Design
    // nearly all of the 7 delivery days, but Design's limit follows its 1-day stays: 1 a day x 1 day = 1.
    const quickRelease = Array.from({ length: 14 }, (_, i) =>
      demand(`q${i}`, [
        [day(i % 13), "design"],
        [day((i % 13) + 1), "development"],
        [day((i % 13) + 1, 2), "release"],
        [day((i % 13) + 1, 2, 10), "done"],
      ]),
    );
    const design = wipLimitAdvice(quickRelease, BOARD, day(14), { weeks: 2 }).find(
      (stage) => stage.stageId === "design",
    );
    expect((design?.targetTime ?? 0) / DAY).toBeGreaterThan(6.9);
    expect((design?.historicalTime ?? 0) / DAY).toBe(1);
    expect(design?.advisedLimit).toBe(1);
  });
});
