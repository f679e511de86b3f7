import { DAY, type EpochMs, elapsed, epochMs, type Millis, millis, WEEK } from "./units";

/**
 * UTC calendar arithmetic on epoch milliseconds. Metrics bucket by UTC days
 * and weeks so that every viewer sees the same numbers whatever their zone.
 */

/** Calendar time counts every hour; business days skip Saturdays and Sundays (UTC). */
export type TimeBasis = "calendar" | "business-days";

/** 1970-01-01 was a Thursday, so Monday 1969-12-29 is day -3 of the epoch. */
const DAYS_FROM_MONDAY_TO_EPOCH = 3;

export function startOfUtcDay(at: EpochMs): EpochMs {
  return epochMs(Math.floor(at / DAY) * DAY);
}

/** Weeks start on Monday 00:00 UTC (ISO 8601). */
export function startOfUtcWeek(at: EpochMs): EpochMs {
  const mondayAligned = at + DAYS_FROM_MONDAY_TO_EPOCH * DAY;
  return epochMs(Math.floor(mondayAligned / WEEK) * WEEK - DAYS_FROM_MONDAY_TO_EPOCH * DAY);
}

/**
 * The time between `start` and `end` that falls on Monday to Friday (UTC).
 * Weekdays count all 24 hours; Saturdays and Sundays count nothing.
 * Negative when `end` is before `start`.
 *
 * Example: from Friday 2026-01-02 18:00 to Monday 2026-01-05 06:00 UTC
 * is 6 h of Friday + 6 h of Monday = 12 h (calendar time: 60 h).
 */
export function countBusinessTime(start: EpochMs, end: EpochMs): Millis {
  return millis(businessTimeSinceEpoch(end) - businessTimeSinceEpoch(start));
}

/** The duration from `start` to `end` on the given basis. */
export function durationBetween(start: EpochMs, end: EpochMs, basis: TimeBasis): Millis {
  return basis === "calendar" ? elapsed(start, end) : countBusinessTime(start, end);
}

/** Business time from a fixed Monday to `at`; differences of it are business durations, in O(1). */
function businessTimeSinceEpoch(at: EpochMs): number {
  const dayNumber = Math.floor(at / DAY);
  const intoDay = at - dayNumber * DAY;
  const daysSinceMonday = dayNumber + DAYS_FROM_MONDAY_TO_EPOCH;
  const weeks = Math.floor(daysSinceMonday / 7);
  const weekday = daysSinceMonday - weeks * 7; // 0 = Monday ... 6 = Sunday
  return weeks * 5 * DAY + Math.min(weekday, 5) * DAY + (weekday < 5 ? intoDay : 0);
}
