import { normalizeName } from "./demand-import-columns";

/**
 * How the common columns of a Jira CSV export become Tideway's fields. Pure
 * rules, used by the CSV import (demand-import-rows.ts).
 */

export type ImportedDemandType = "feature" | "defect" | "chore" | "spike";

/**
 * Jira's issue types (and Tideway's own type names) to Tideway's demand
 * types, matched case-insensitively:
 *   Bug, Defect, Incident, Problem            -> defect
 *   Story, User Story, New Feature, Feature,
 *   Improvement, Enhancement, Epic            -> feature
 *   Task, Sub-task, Subtask, Technical task,
 *   Chore, Maintenance                        -> chore
 *   Spike, Research                           -> spike
 */
const TYPE_BY_NAME: Record<string, ImportedDemandType> = {
  bug: "defect",
  defect: "defect",
  incident: "defect",
  problem: "defect",
  story: "feature",
  "user story": "feature",
  "new feature": "feature",
  feature: "feature",
  improvement: "feature",
  enhancement: "feature",
  epic: "feature",
  task: "chore",
  "sub-task": "chore",
  subtask: "chore",
  "technical task": "chore",
  chore: "chore",
  maintenance: "chore",
  spike: "spike",
  research: "spike",
};

/** The demand type for an issue type or Tideway type name; null when unknown. Empty means feature. */
export function demandTypeFromName(name: string): ImportedDemandType | null {
  const normalized = normalizeName(name);
  if (normalized === "") return "feature";
  return TYPE_BY_NAME[normalized] ?? null;
}

/**
 * Jira's default workflow statuses, for boards without a stage of that
 * name: they name where the work is in Jira's three status categories.
 * A stage with the same name as the status always wins.
 */
export type StatusCategory = "to-do" | "in-progress" | "done";
const STATUS_CATEGORY: Record<string, StatusCategory> = {
  "to do": "to-do",
  todo: "to-do",
  open: "to-do",
  backlog: "to-do",
  new: "to-do",
  "selected for development": "to-do",
  "in progress": "in-progress",
  "in development": "in-progress",
  done: "done",
  closed: "done",
  resolved: "done",
};

export function jiraStatusCategory(status: string): StatusCategory | null {
  return STATUS_CATEGORY[normalizeName(status)] ?? null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const JIRA_DATE =
  /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Reads the dates of a Jira export and of ISO 8601, as epoch milliseconds:
 *   "12/Mar/24 9:41 AM", "12/Mar/2024 21:41", "12/Mar/24" (Jira's default
 *   formats; a two-digit year is 20yy),
 *   "2024-03-12", "2024-03-12 09:41", "2024-03-12T09:41:00Z",
 *   "2024-03-12T09:41:00+02:00".
 * A time without an offset is read as UTC: Jira writes times in the
 * exporting person's zone without saying which. Null for anything else or
 * an impossible date (31/Feb/24).
 */
export function parseImportDate(text: string): number | null {
  const trimmed = text.trim();
  const jira = JIRA_DATE.exec(trimmed);
  if (jira) {
    const [, day, monthName, year, hour = "0", minute = "0", second = "0", meridiem] = jira;
    const month = MONTHS.indexOf((monthName ?? "").toLowerCase());
    if (month === -1) return null;
    let hours = Number(hour);
    if (meridiem) {
      if (hours < 1 || hours > 12) return null;
      hours = (hours % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
    }
    const fullYear = (year ?? "").length === 2 ? 2000 + Number(year) : Number(year);
    return validUtc(fullYear, month, Number(day), hours, Number(minute), Number(second), 0);
  }
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const [, year, month, day, hour = "0", minute = "0", second = "0", fraction = "0", zone] = iso;
    const utc = validUtc(
      Number(year),
      Number(month) - 1,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
      Number(fraction.slice(0, 3).padEnd(3, "0")),
    );
    if (utc === null || !zone || zone.toUpperCase() === "Z") return utc;
    const digits = zone.replace(":", "");
    const offsetMinutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    return utc - (digits.startsWith("-") ? -1 : 1) * offsetMinutes * 60_000;
  }
  return null;
}

/** The UTC instant of these fields, or null when they name no real date and time. */
function validUtc(
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  seconds: number,
  ms: number,
): number | null {
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const at = Date.UTC(year, month, day, hours, minutes, seconds, ms);
  const date = new Date(at);
  // Date.UTC rolls 31 February over into March; a real date survives unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day)
    return null;
  return at;
}
