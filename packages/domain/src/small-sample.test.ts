import { describe, expect, it } from "vitest";
import { isSmallSample, SMALL_SAMPLE_DEMANDS } from "./small-sample";

describe("isSmallSample", () => {
  it("warns from 1 to 9 demands, not for none (no data) nor from 10 on", () => {
    expect(SMALL_SAMPLE_DEMANDS).toBe(10);
    expect([0, 1, 9, 10, 11].map(isSmallSample)).toEqual([false, true, true, false, false]);
  });
});
