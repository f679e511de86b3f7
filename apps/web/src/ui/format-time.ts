/**
 * Every date and time the app shows people, in the viewer's own locale (the
 * browser's language: "7 Nov 2026" in Britain, "Nov 7, 2026" in the US). Days
 * the API counts in UTC (dashboard windows, forecasts, chart buckets) are
 * shown as those UTC days; moments (a release, a report's making) in the
 * viewer's time zone. Files and form values keep ISO dates (format-date.ts).
 */

const DAY = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
const DAY_NO_YEAR = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
const INSTANT = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const CLOCK = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
const EXACT = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "medium" });

type When = string | number | Date;

/** A UTC day: "7 Nov 2026" (en-GB), "Nov 7, 2026" (en-US). Accepts "2026-11-07" too. */
export function formatDay(at: When): string {
  return DAY.format(new Date(at));
}

/** A UTC day without its year, for chart axes: "7 Nov". */
export function formatDayShort(at: When): string {
  return DAY_NO_YEAR.format(new Date(at));
}

/** A moment to the minute, in the viewer's zone: "7 Nov 2026, 14:03". */
export function formatInstant(at: When): string {
  return INSTANT.format(new Date(at));
}

/** A time of day to the second: "14:03:12". */
export function formatClockTime(at: When): string {
  return CLOCK.format(new Date(at));
}

/** The moment in full, for a title on hover: "Saturday 7 November 2026 at 14:03:12". */
export function formatExact(at: When): string {
  return EXACT.format(new Date(at));
}
