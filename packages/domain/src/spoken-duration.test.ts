import { describe, expect, it } from "vitest";
import { spokenDuration } from "./spoken-duration";
import { days, hours, millis, minutes } from "./units";

describe("spokenDuration", () => {
  it("picks the unit a person would say and rounds to a tenth, halves away from zero (hand-worked)", () => {
    expect(spokenDuration(days(6.94))).toEqual({ unit: "day", count: 6.9 });
    expect(spokenDuration(days(6.95))).toEqual({ unit: "day", count: 7 });
    expect(spokenDuration(days(14.3))).toEqual({ unit: "day", count: 14.3 });
    expect(spokenDuration(hours(5.25))).toEqual({ unit: "hour", count: 5.3 });
    expect(spokenDuration(minutes(41.26))).toEqual({ unit: "minute", count: 41.3 });
    expect(spokenDuration(millis(45_500))).toEqual({ unit: "second", count: 46 });
  });

  it("switches units at 1 minute, 90 minutes and 2 days", () => {
    expect(spokenDuration(millis(59_999)).unit).toBe("second");
    expect(spokenDuration(minutes(1)).unit).toBe("minute");
    expect(spokenDuration(minutes(89)).unit).toBe("minute");
    expect(spokenDuration(minutes(90))).toEqual({ unit: "hour", count: 1.5 });
    expect(spokenDuration(hours(47))).toEqual({ unit: "hour", count: 47 });
    expect(spokenDuration(days(2))).toEqual({ unit: "day", count: 2 });
  });

  it("rounds a negative duration (a clock a little ahead) the same way", () => {
    expect(spokenDuration(days(-6.95))).toEqual({ unit: "day", count: -7 });
  });
});
