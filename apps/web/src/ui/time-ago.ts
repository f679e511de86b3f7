import { DAY, HOUR, MINUTE, WEEK } from "@tideway/domain";

// Largest unit first; a month and a year are approximate, which "3 months ago" is too.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["week", WEEK],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * How long ago `iso` was, in the largest whole unit ("2 hours ago",
 * "yesterday", "3 weeks ago"). Under a minute, and a moment in the future (a
 * clock a little ahead of this one), is "just now".
 */
export function timeAgo(iso: string, now: number): string {
  const elapsed = now - Date.parse(iso);
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return RELATIVE.format(-Math.floor(elapsed / size), unit);
  }
  return "just now";
}
