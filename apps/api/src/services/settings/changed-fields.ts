/**
 * The fields of an update body that are given and differ from the stored
 * row: what the update actually writes and the audit trail records.
 */
export function changedFields<I extends object>(current: { [K in keyof I]?: unknown }, input: I): Partial<I> {
  return Object.fromEntries(
    Object.entries(input).filter(
      ([field, value]) => value !== undefined && current[field as keyof I] !== value,
    ),
  ) as Partial<I>;
}
