/**
 * Which demand may be another's parent (DESIGN "Data model": a defect names
 * the demand it was found in; a product demand may name its business demand).
 * A defect is a leaf: it belongs to a demand and holds none of its own, so the
 * demand a defect points to always shows its open defects. The card's form
 * offers only these parents, and the server refuses the rest with the
 * sentences below, whichever path writes the link (a new demand, an edit, a
 * board import).
 */

/** The parent's side of the rule: anything but a defect can hold children. */
export function canBeParent(parent: { type: string }): boolean {
  return parent.type !== "defect";
}

/**
 * Why `parent` cannot be the parent of the demand `childId` (null for a demand
 * not created yet), or null when it can.
 *
 * Example: a defect PAY-7 as the parent of PAY-9 gives "a defect cannot be a
 * parent: name the demand the defect was found in".
 */
export function parentRefusal(childId: string | null, parent: { id: string; type: string }): string | null {
  if (childId !== null && parent.id === childId) return "a demand cannot be its own parent";
  if (!canBeParent(parent)) return "a defect cannot be a parent: name the demand the defect was found in";
  return null;
}

/**
 * The same rule seen from a demand whose type changes: one that already has
 * `childCount` children cannot become a defect. Null when it may.
 */
export function typeChangeRefusal(type: string, childCount: number): string | null {
  if (canBeParent({ type }) || childCount === 0) return null;
  return `a demand with ${childCount} demand${childCount === 1 ? "" : "s"} linked to it cannot become a defect (a defect cannot be a parent)`;
}
