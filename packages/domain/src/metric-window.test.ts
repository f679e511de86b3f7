import { describe, expect, it } from "vitest";
import { day } from "./flow-fixture";
import { defaultMetricWindow, isInWindow } from "./metric-window";
import { days, toSeconds } from "./units";

describe("metric windows", () => {
  it("default to the 30 days up to now", () => {
    expect(defaultMetricWindow(day(40))).toEqual({ from: day(10), to: day(40) });
  });

  it("include `from` and exclude `to`", () => {
    const window = { from: day(1), to: day(2) };
    expect(isInWindow(day(1), window)).toBe(true);
    expect(isInWindow(day(1, 23), window)).toBe(true);
    expect(isInWindow(day(2), window)).toBe(false);
    expect(isInWindow(day(0, 23), window)).toBe(false);
  });

  it("report durations in seconds at the HTTP edge", () => {
    expect(toSeconds(days(1))).toBe(86_400);
  });
});
