import { DAY, fromSeconds, HOUR, MINUTE } from "@tideway/domain";

/**
 * A duration in seconds (the API's unit) as a person reads it on a wall
 * screen: "45 s", "41 min", "5.3 hours", "6.2 days". Minutes up to an hour
 * and a half, hours up to two days, days after that; one decimal at most,
 * none when it is zero ("14 days", not "14.0 days").
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "–";
  const duration = fromSeconds(seconds);
  if (duration < MINUTE) return `${Math.round(seconds)} s`;
  if (duration < 90 * MINUTE) return `${oneDecimal(duration / MINUTE)} min`;
  if (duration < 2 * DAY) return `${oneDecimal(duration / HOUR)} hours`;
  return `${oneDecimal(duration / DAY)} days`;
}

/** Seconds as days, for chart axes, tables and CSV (two decimals). */
export function inDays(seconds: number): number {
  return round(fromSeconds(seconds) / DAY, 2);
}

/** Seconds as minutes, for the release lead time (one decimal). */
export function inMinutes(seconds: number): number {
  return round(fromSeconds(seconds) / MINUTE, 1);
}

/** A share 0..1 as a whole percentage: "87%". */
export function formatShare(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}

function oneDecimal(value: number): string {
  return String(round(value, 1));
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
