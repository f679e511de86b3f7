/**
 * Stages, lanes and each stage's criteria are ordered by `position`, kept
 * dense (0..n-1) so that position 2 always means the third column.
 */
export interface Positioned {
  id: string;
  position: number;
}

/**
 * The rows in their new order with `item` (new, or already among them) at
 * `position`; a position past the end (or none) puts it last.
 */
export function placeAt<T extends Positioned>(ordered: readonly T[], item: T, position?: number): T[] {
  const rest = ordered.filter((row) => row.id !== item.id);
  const index = Math.min(position ?? rest.length, rest.length);
  return [...rest.slice(0, index), item, ...rest.slice(index)];
}

/**
 * The rows whose stored position differs from their place in `ordered`:
 * the writes that make the order dense again.
 * Example: positions [0, 2, 3] -> [{ id of the second, 1 }, { id of the third, 2 }].
 */
export function positionUpdates(ordered: readonly Positioned[]): Positioned[] {
  return ordered.flatMap((row, index) => (row.position === index ? [] : [{ id: row.id, position: index }]));
}
