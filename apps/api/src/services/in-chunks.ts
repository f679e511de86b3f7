/**
 * Slices of at most `size` items, so one INSERT stays under PostgreSQL's
 * 65,535 bind parameters however large the import.
 */
export function* inChunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
