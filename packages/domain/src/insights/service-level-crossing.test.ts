import { describe, expect, it } from "vitest";
import { days } from "../units";
import { serviceLevelCrossing } from "./service-level-crossing";

describe("serviceLevelCrossing", () => {
  const sle = { p50: days(5), p85: days(12) };

  it("names the highest threshold an age is strictly past", () => {
    expect(serviceLevelCrossing(days(4), sle)).toBeNull();
    expect(serviceLevelCrossing(days(5), sle)).toBeNull();
    expect(serviceLevelCrossing(days(6), sle)).toBe("p50");
    expect(serviceLevelCrossing(days(12), sle)).toBe("p50");
    expect(serviceLevelCrossing(days(13), sle)).toBe("p85");
  });

  it("raises nothing before anything was delivered", () => {
    expect(serviceLevelCrossing(days(100), { p50: null, p85: null })).toBeNull();
  });
});
