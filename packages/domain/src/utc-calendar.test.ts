import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { day, MONDAY } from "./flow-fixture";
import { days, epochMs, HOUR, hours } from "./units";
import { countBusinessTime, durationBetween, startOfUtcDay, startOfUtcWeek } from "./utc-calendar";

const FRIDAY = day(4);
const SATURDAY = day(5);

describe("startOfUtcDay and startOfUtcWeek", () => {
  it("truncate to 00:00 UTC and to Monday 00:00 UTC", () => {
    expect(startOfUtcDay(day(2, 13, 30))).toBe(day(2));
    expect(startOfUtcWeek(day(6, 23))).toBe(MONDAY);
    expect(startOfUtcWeek(day(7))).toBe(day(7));
    expect(startOfUtcWeek(epochMs(0))).toBe(epochMs(Date.UTC(1969, 11, 29)));
  });
});

describe("countBusinessTime", () => {
  it("counts Friday evening and Monday morning, not the weekend between", () => {
    expect(countBusinessTime(day(4, 18), day(7, 6))).toBe(hours(12));
    expect(durationBetween(day(4, 18), day(7, 6), "calendar")).toBe(hours(60));
  });

  it("counts nothing inside a weekend and five days in a week", () => {
    expect(countBusinessTime(SATURDAY, day(6, 23))).toBe(0);
    expect(countBusinessTime(SATURDAY, day(12))).toBe(days(5));
    expect(countBusinessTime(MONDAY, day(14))).toBe(days(10));
  });

  it("counts a span within one weekday fully", () => {
    expect(countBusinessTime(day(2, 9), day(2, 17))).toBe(hours(8));
    expect(countBusinessTime(FRIDAY, SATURDAY)).toBe(days(1));
  });

  it("is negative when the end comes first", () => {
    expect(countBusinessTime(day(7, 6), day(4, 18))).toBe(-hours(12));
  });

  it("agrees with counting weekday hours one by one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 0, max: 24 * 40 }),
        (h, length) => {
          const start = epochMs(MONDAY + h * HOUR);
          let weekdayHours = 0;
          for (let i = 0; i < length; i++) {
            const weekday = new Date(start + i * HOUR).getUTCDay();
            if (weekday !== 0 && weekday !== 6) weekdayHours++;
          }
          expect(countBusinessTime(start, epochMs(start + length * HOUR))).toBe(hours(weekdayHours));
        },
      ),
    );
  });
});
