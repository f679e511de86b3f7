import { describe, expect, it } from "vitest";
import { goalReading, isSmallSample, SMALL_SAMPLE_DEMANDS } from "./small-sample";

describe("isSmallSample", () => {
  it("warns from 1 to 9 demands, not for none (no data) nor from 10 on", () => {
    expect(SMALL_SAMPLE_DEMANDS).toBe(10);
    expect([0, 1, 9, 10, 11].map(isSmallSample)).toEqual([false, true, true, false, false]);
  });
});

describe("goalReading", () => {
  it("flags a verdict built on fewer than 10 demands, whichever way it goes (hand-worked)", () => {
    // One delivery in 3 days against 14: met, but from a single demand.
    expect(goalReading({ count: 1, goalMet: true })).toEqual({ verdict: "met", smallSample: true, count: 1 });
    expect(goalReading({ count: 9, goalMet: false })).toEqual({
      verdict: "missed",
      smallSample: true,
      count: 9,
    });
    expect(goalReading({ count: 10, goalMet: true })).toEqual({
      verdict: "met",
      smallSample: false,
      count: 10,
    });
  });

  it("has nothing to flag without data", () => {
    expect(goalReading({ count: 0, goalMet: null })).toEqual({
      verdict: "none",
      smallSample: false,
      count: 0,
    });
  });
});
