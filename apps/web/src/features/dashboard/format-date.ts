/** Dashboard dates are UTC days, as the API buckets them: "6 Nov". */
export function shortDay(at: string | number): string {
  return new Date(at).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** "6 Nov 2026". */
export function longDay(at: string | number): string {
  return new Date(at).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** `2026-11-06`, for tables and CSV. */
export function isoDay(at: string | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** `2026-11-06 14:03`, an instant to the minute in UTC, for tables and CSV. */
export function utcMinute(at: string): string {
  return new Date(at).toISOString().slice(0, 16).replace("T", " ");
}
