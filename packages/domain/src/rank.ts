import { generateKeyBetween, generateNKeysBetween } from "fractional-indexing";

/**
 * Order of demands within a cell is kept with fractional index keys (strings
 * compared bytewise, as the `rank` column's COLLATE "C" does): a key between
 * two neighbours can always be made, so inserting never renumbers a column.
 * See docs/decisions/002-rank-keys.md.
 */
export function rankBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

/** `count` ascending keys after `after`, for creating many demands at once. */
export function ranksAfter(after: string | null, count: number): string[] {
  return generateNKeysBetween(after, null, count);
}
