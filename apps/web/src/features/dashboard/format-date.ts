/**
 * Dates for machines: file names, CSV, form values. What people read goes
 * through ui/format.ts, in their own language.
 */

/** `2026-11-06`, for tables and CSV. */
export function isoDay(at: string | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** `2026-11-06 14:03`, an instant to the minute in UTC, for tables and CSV. */
export function utcMinute(at: string): string {
  return new Date(at).toISOString().slice(0, 16).replace("T", " ");
}
