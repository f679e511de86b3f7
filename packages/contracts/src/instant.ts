import { z } from "zod";

/**
 * An instant a client sends: ISO 8601 with its offset, within the years both
 * PostgreSQL's timestamptz and the metrics' day arithmetic hold (0001 to 9999,
 * once converted to UTC). `9999-12-31T23:59:59-14:00` is year 10000 in UTC,
 * `0000-01-01T00:00:00Z` a year PostgreSQL does not have: both are refused
 * with 400 rather than failing deep inside.
 */
export const ZInstantInput = z.iso.datetime({ offset: true }).refine((text) => {
  const year = new Date(text).getUTCFullYear();
  return year >= 1 && year <= 9999;
}, "must fall between the years 0001 and 9999 (in UTC)");
