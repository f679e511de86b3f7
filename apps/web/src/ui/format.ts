import {
  DAY,
  fromSeconds,
  HOUR,
  MINUTE,
  type Millis,
  spokenDuration,
  toSeconds,
  WEEK,
} from "@tideway/domain";

/**
 * Everything the app shows people as a number, a date, a time or a duration
 * goes through this module, with `Intl` in the interface language
 * (`setFormatLocale`, which the i18n setup calls on every language change).
 * Files, CSV and form values keep machine formats (ISO dates, plain numbers:
 * features/dashboard/format-date.ts and `inDays` / `inMinutes` below).
 *
 * Days the API counts in UTC (dashboard windows, forecasts, chart buckets)
 * are shown as those UTC days; moments (a release, a comment) in the
 * viewer's time zone.
 *
 * Durations have one rule everywhere (dashboard, stand-up, card badges,
 * notifications, reports): the domain's `spokenDuration` picks the unit a
 * person would say and rounds to the nearest tenth (half away from zero);
 * this module only writes it in the interface language, with the decimal
 * dropped when it is zero: "41 minutes", "5.3 hours", "6.9 days", "14 days";
 * in Chinese "6.9天". A p85 of 14.3 days against a 14-day goal must not read
 * "14 days", so days keep their tenth at any size.
 */

let activeLocale = "en";

/** The interface language every formatter uses from now on (a BCP 47 tag: "en", "zh-CN"). */
export function setFormatLocale(locale: string): void {
  activeLocale = locale;
}

export function formatLocale(): string {
  return activeLocale;
}

// Intl objects are costly to build and a board formats thousands of values: one per locale and style.
const cache = new Map<
  string,
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat
>();

function cached<
  T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.ListFormat,
>(kind: string, options: object, build: (locale: string) => T): T {
  const key = `${kind}|${activeLocale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = build(activeLocale);
    cache.set(key, formatter);
  }
  return formatter as T;
}

const numberFormat = (options: Intl.NumberFormatOptions) =>
  cached("number", options, (locale) => new Intl.NumberFormat(locale, options));
const dateFormat = (options: Intl.DateTimeFormatOptions) =>
  cached("date", options, (locale) => new Intl.DateTimeFormat(locale, options));

/** What a missing value reads as, in every language. */
export const NO_VALUE = "–";

// ---------------------------------------------------------------- lists

/** Names as a person lists them: "PAY-12, PAY-14 and OPS-3" / "PAY-12、PAY-14和OPS-3". */
export function formatList(items: readonly string[]): string {
  return cached("list", {}, (locale) => new Intl.ListFormat(locale, { type: "conjunction" })).format(items);
}

// ---------------------------------------------------------------- numbers

/** A count or measure: "1,234.5" / "1,234.5", at most `maximumFractionDigits` decimals (default 1). */
export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return numberFormat({ maximumFractionDigits }).format(value);
}

/** A share 0..1 as a percentage, whole by default: "87%"; null is a dash. */
export function formatPercent(share: number | null, maximumFractionDigits = 0): string {
  return share === null ? NO_VALUE : numberFormat({ style: "percent", maximumFractionDigits }).format(share);
}

// -------------------------------------------------------------- durations

export type DurationStyle = "long" | "narrow";

/**
 * A duration as people read it: "45 seconds", "41 minutes", "5.3 hours",
 * "6.9 days" ("long", the default), or "6.9d" / "6.9天" on a card badge
 * ("narrow"). Null (nothing measured yet) is a dash.
 */
export function formatDuration(duration: Millis | null, style: DurationStyle = "long"): string {
  if (duration === null) return NO_VALUE;
  const { unit, count } = spokenDuration(duration);
  // The count is rounded already (spokenDuration); Intl only writes it.
  return numberFormat({ style: "unit", unit, unitDisplay: style, maximumFractionDigits: 1 }).format(count);
}

/** `formatDuration` for a duration in seconds, the unit of the HTTP surface. */
export function formatSeconds(seconds: number | null, style: DurationStyle = "long"): string {
  return formatDuration(seconds === null ? null : fromSeconds(seconds), style);
}

const SECONDS_PER_MINUTE = toSeconds(MINUTE);

/** "12:05": minutes and seconds of a countdown (the same in every language). */
export function formatClock(duration: Millis): string {
  const totalSeconds = Math.floor(Math.abs(toSeconds(duration)));
  const minutes = Math.floor(totalSeconds / SECONDS_PER_MINUTE);
  const seconds = totalSeconds % SECONDS_PER_MINUTE;
  return `${formatNumber(minutes, 0)}:${String(seconds).padStart(2, "0")}`;
}

// ------------------------------------------------- numbers for charts and CSV

/** Seconds as days, for chart axes, tables and CSV (two decimals, a plain number). */
export function inDays(seconds: number): number {
  return round(fromSeconds(seconds) / DAY, 2);
}

/** Seconds as minutes, for the release lead time (one decimal, a plain number). */
export function inMinutes(seconds: number): number {
  return round(fromSeconds(seconds) / MINUTE, 1);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

// ------------------------------------------------------- dates and times

type When = string | number | Date;

/** A UTC day: "Nov 7, 2026" (en), "2026年11月7日" (zh-CN). Accepts "2026-11-07" too. */
export function formatDay(at: When): string {
  return dateFormat({ dateStyle: "medium", timeZone: "UTC" }).format(new Date(at));
}

/** A UTC day without its year, for chart axes: "Nov 7" / "11月7日". */
export function formatDayShort(at: When): string {
  return dateFormat({ day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(at));
}

/** A moment to the minute, in the viewer's zone: "Nov 7, 2026, 2:03 PM" / "2026年11月7日 14:03". */
export function formatInstant(at: When): string {
  return dateFormat({ dateStyle: "medium", timeStyle: "short" }).format(new Date(at));
}

/** A time of day to the second: "2:03:12 PM" / "14:03:12". */
export function formatClockTime(at: When): string {
  return dateFormat({ timeStyle: "medium" }).format(new Date(at));
}

/** The moment in full, for a title on hover: "Saturday, November 7, 2026 at 2:03:12 PM". */
export function formatExact(at: When): string {
  return dateFormat({ dateStyle: "full", timeStyle: "medium" }).format(new Date(at));
}

// Largest unit first; a month and a year are approximate, which "3 months ago" is too.
const AGO_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["week", WEEK],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

/**
 * How long ago `iso` was, in the largest whole unit ("2 hours ago",
 * "yesterday", "3 weeks ago"; "2小时前", "昨天"). Under a minute, and a
 * moment in the future (a clock a little ahead of this one), is "now" / "现在".
 */
export function formatTimeAgo(iso: string, now: number): string {
  const relative = cached(
    "relative",
    {},
    (locale) => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
  );
  const elapsedMs = now - Date.parse(iso);
  for (const [unit, size] of AGO_UNITS) {
    if (elapsedMs >= size) return relative.format(-Math.floor(elapsedMs / size), unit);
  }
  return relative.format(0, "second");
}
