import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { meetsGoal, summarizeDurations } from "./summarize-durations";
import { days, type Millis, millis } from "./units";

describe("summarizeDurations", () => {
  it("summarizes the worked example against a 7-day target", () => {
    const values = [days(4), days(1), days(10), days(3), days(2)];
    expect(summarizeDurations(values, days(7))).toEqual({
      count: 5,
      p50: days(3),
      p85: days(10),
      p95: days(10),
      attainment: 0.8,
      target: days(7),
    });
  });

  it("counts a duration exactly at the target as attained", () => {
    expect(summarizeDurations([days(7), days(8)], days(7)).attainment).toBe(0.5);
  });

  it("has no percentiles and no attainment without durations", () => {
    expect(summarizeDurations([], days(14))).toEqual({
      count: 0,
      p50: null,
      p85: null,
      p95: null,
      attainment: null,
      target: days(14),
    });
  });

  it("meets the goal by p85 exactly when it meets it by attainment: p85 <= target iff attainment >= 0.85", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 50 }),
        (values, target) => {
          const summary = summarizeDurations(values.map(millis), millis(target));
          const byPercentile = (summary.p85 ?? Number.POSITIVE_INFINITY) <= target;
          const byAttainment = (summary.attainment ?? 0) >= 0.85;
          expect(byPercentile).toBe(byAttainment);
          expect(meetsGoal(summary)).toBe(byAttainment);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("has no goal verdict without durations", () => {
    expect(meetsGoal(summarizeDurations([], days(7)))).toBeNull();
  });

  it("reports observed values in order p50 <= p85 <= p95", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1 }), (values) => {
        const durations: Millis[] = values.map(millis);
        const { p50, p85, p95 } = summarizeDurations(durations, millis(0));
        expect(durations).toContain(p50);
        expect(p50 ?? 0).toBeLessThanOrEqual(p85 ?? 0);
        expect(p85 ?? 0).toBeLessThanOrEqual(p95 ?? 0);
      }),
    );
  });
});
