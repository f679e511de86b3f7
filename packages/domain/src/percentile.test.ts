import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { durationPercentile, percentile } from "./percentile";
import { millis } from "./units";

describe("percentile (nearest rank)", () => {
  it("answers the value at position ceil(p/100 * n)", () => {
    const sorted = [1, 2, 3, 4, 10];
    expect(percentile(sorted, 50)).toBe(3);
    expect(percentile(sorted, 85)).toBe(10);
    expect(percentile(sorted, 80)).toBe(4);
    expect(percentile(sorted, 100)).toBe(10);
  });

  it("takes the first value for p = 0 and the only value of a single one", () => {
    expect(percentile([7, 8], 0)).toBe(7);
    expect(percentile([7], 95)).toBe(7);
  });

  it("is null for no values", () => {
    expect(percentile([], 85)).toBeNull();
    expect(durationPercentile(new Float64Array(), 50)).toBeNull();
  });

  it("lands on whole ranks exactly, where 0.85 * 20 in floating point would not", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(twenty, 85)).toBe(17);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 95)).toBe(95);
  });

  it("reads durations from a typed array", () => {
    expect(durationPercentile(Float64Array.from([millis(5), millis(1), millis(3)]).sort(), 50)).toBe(3);
  });

  it("is the smallest observed value with at least p% of values at or below it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const result = percentile(sorted, p);
          expect(result).not.toBeNull();
          const atOrBelow = sorted.filter((value) => value <= (result ?? 0)).length;
          const below = sorted.filter((value) => value < (result ?? 0)).length;
          expect(atOrBelow * 100).toBeGreaterThanOrEqual(p * sorted.length);
          expect(below * 100).toBeLessThan(p * sorted.length);
        },
      ),
    );
  });
});
