/**
 * Which columns of a CSV import mean what (the rules: demand-import-rows.ts).
 * Headers are matched case-insensitively with spacing and a byte order mark
 * ignored; Tideway's names and a Jira export's names both count.
 */

export type ImportColumnRole =
  | "title"
  | "description"
  | "type"
  | "size"
  | "stage"
  | "lane"
  | "createdAt"
  | "sourceKey"
  | "labels"
  | "priority";

const ROLE_BY_HEADER: Record<string, ImportColumnRole> = {
  title: "title",
  summary: "title",
  description: "description",
  type: "type",
  "issue type": "type",
  size: "size",
  "story points": "size",
  "story point estimate": "size",
  "custom field (story points)": "size",
  "custom field (story point estimate)": "size",
  stage: "stage",
  status: "stage",
  lane: "lane",
  "swim lane": "lane",
  swimlane: "lane",
  createdat: "createdAt",
  "created at": "createdAt",
  created: "createdAt",
  "issue key": "sourceKey",
  key: "sourceKey",
  labels: "labels",
  label: "labels",
  priority: "priority",
};

/** A header or stage name as compared: no byte order mark, trimmed, lower case, single spaces. */
export const normalizeName = (text: string) =>
  text
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");

/** Which columns of the header serve which role, in file order (Jira repeats Labels). */
export function importColumns(header: readonly string[]): Map<ImportColumnRole, number[]> {
  const columns = new Map<ImportColumnRole, number[]>();
  for (const [index, name] of header.entries()) {
    const role = ROLE_BY_HEADER[normalizeName(name)];
    if (role) columns.set(role, [...(columns.get(role) ?? []), index]);
  }
  return columns;
}
