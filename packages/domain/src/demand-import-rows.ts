import { type ImportColumnRole, importColumns, normalizeName } from "./demand-import-columns";
import { ImportWipTally } from "./demand-import-wip";
import {
  demandTypeFromName,
  type ImportedDemandType,
  jiraStatusCategory,
  parseImportDate,
} from "./jira-mapping";
import type { StageRule } from "./move-rules";

/**
 * The rules of the CSV import of demands (POST /api/boards/:boardId/demands/import):
 * which columns mean what, and what each row must hold. Pure: the API parses
 * the CSV text into records and writes what these rules accept.
 *
 * Columns are matched by header, case-insensitively; unknown columns are
 * ignored (a Jira export has a hundred). Tideway's own names and the Jira
 * export's names are both understood:
 *   title        title, Summary                      (required)
 *   description  description, Description
 *   type         type, Issue Type                    (see demandTypeFromName)
 *   size         size, Story Points, Custom field (Story Points),
 *                Custom field (Story point estimate)  XS..XL or whole points
 *   stage        stage, Status                       by stage name, else Jira's
 *                                                     To Do / In Progress / Done
 *   lane         lane, Swim lane                     by lane name
 *   createdAt    createdAt, created at, Created      Jira or ISO dates
 *   Issue key, Labels (repeated), Priority           kept in the description
 * Updated and Resolved are read by no rule: what happened before the import
 * is not on this board's log (see docs/decisions/006-csv-import-history.md).
 */

export const MAX_IMPORT_ROWS = 5_000;
const MAX_TITLE = 200;
const MAX_DESCRIPTION = 20_000;

export type ImportStage = StageRule;

export interface ImportLane {
  id: string;
  name: string;
  position: number;
  wipLimit: number | null;
  wipPolicy: "hard" | "soft";
}

/** One problem in the file: `row` counts the header as row 1, as a spreadsheet shows it. */
export interface DemandImportProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** A row the rules accept, ready to be written. */
export interface DemandImportRow {
  row: number;
  title: string;
  description: string;
  type: ImportedDemandType;
  size: string | null;
  stageId: string;
  laneId: string;
  /** Epoch ms from the file's created column; null: the import's own time. */
  createdAt: number | null;
  /** A soft WIP limit is exceeded by this row (hard limits make it a problem instead). */
  overWip: boolean;
}

export interface ImportRecord {
  row: number;
  cells: readonly string[];
}

export interface DemandImportCounts {
  /** Demands on the board (not archived) per stage id. */
  byStage: ReadonlyMap<string, number>;
  /** Demands in progress per lane id. */
  inProgressByLane: ReadonlyMap<string, number>;
}

export interface DemandImportBoard {
  stages: readonly ImportStage[];
  lanes: readonly ImportLane[];
  counts: DemandImportCounts;
}

/**
 * Checks every record and returns the rows to write, or every problem found
 * (the caller writes nothing when there is any). Rows are admitted in file
 * order against the stage and lane WIP limits, counting what is already on
 * the board and the earlier rows of the file.
 */
export function readDemandImport(
  header: readonly string[],
  records: readonly ImportRecord[],
  board: DemandImportBoard,
  now: number,
): { rows: DemandImportRow[]; problems: DemandImportProblem[] } {
  const problems: DemandImportProblem[] = [];
  const columns = importColumns(header);
  const headerName = (role: ImportColumnRole, fallback: string) => {
    const index = columns.get(role)?.[0];
    return index === undefined ? fallback : (header[index] ?? fallback).replace(/^\uFEFF/, "").trim();
  };
  if (!columns.has("title")) {
    problems.push({
      row: 1,
      column: "(header)",
      value: header.join(","),
      message: 'no title column: name one "title" (Tideway) or "Summary" (a Jira export)',
    });
    return { rows: [], problems };
  }
  if (records.length > MAX_IMPORT_ROWS) {
    problems.push({
      row: records[MAX_IMPORT_ROWS]?.row ?? MAX_IMPORT_ROWS + 2,
      column: "(file)",
      value: `${records.length} rows`,
      message: `an import holds at most ${MAX_IMPORT_ROWS} rows; split the file`,
    });
    return { rows: [], problems };
  }

  const stages = [...board.stages].sort((a, b) => a.position - b.position);
  const lanes = [...board.lanes].sort((a, b) => a.position - b.position);
  const wip = new ImportWipTally(stages, board.counts);
  const rows: DemandImportRow[] = [];

  for (const record of records) {
    const rowProblems: DemandImportProblem[] = [];
    const value = (role: ImportColumnRole) => {
      for (const index of columns.get(role) ?? []) {
        const cell = (record.cells[index] ?? "").trim();
        if (cell !== "") return cell;
      }
      return "";
    };
    const problem = (role: ImportColumnRole, fallback: string, cell: string, message: string) =>
      rowProblems.push({ row: record.row, column: headerName(role, fallback), value: cell, message });

    const title = value("title");
    if (title === "") problem("title", "title", title, "must not be empty");
    else if (title.length > MAX_TITLE)
      problem("title", "title", title, `must be at most ${MAX_TITLE} characters`);

    const typeText = value("type");
    const type = demandTypeFromName(typeText);
    if (type === null) {
      problem(
        "type",
        "type",
        typeText,
        "is not a type Tideway knows: use feature, defect, chore or spike, or a Jira issue type (Bug, Story, Task, Sub-task, Epic, ...)",
      );
    }

    const sizeText = value("size");
    const size = readSize(sizeText);
    if (size === undefined) {
      problem("size", "size", sizeText, "must be XS, S, M, L, XL or a whole number of story points");
    }

    const stageText = value("stage");
    const stage = findStage(stages, stageText);
    if (!stage) {
      problem(
        "stage",
        "stage",
        stageText,
        `names no stage of this board (stages: ${stages.map((s) => s.name).join(", ")}) and is not one of Jira's To Do, In Progress or Done`,
      );
    }
    const laneText = value("lane");
    const lane =
      laneText === ""
        ? (lanes.find((l) => l.wipLimit === null) ?? lanes[0])
        : lanes.find((l) => normalizeName(l.name) === normalizeName(laneText));
    if (!lane) {
      problem(
        "lane",
        "lane",
        laneText,
        `names no lane of this board (lanes: ${lanes.map((l) => l.name).join(", ")})`,
      );
    }

    const createdText = value("createdAt");
    let createdAt: number | null = null;
    if (createdText !== "") {
      createdAt = parseImportDate(createdText);
      if (createdAt === null) {
        problem(
          "createdAt",
          "createdAt",
          createdText,
          "must be a date such as 12/Mar/24 9:41 AM (Jira) or 2024-03-12T09:41:00Z",
        );
      } else if (createdAt > now) {
        problem("createdAt", "createdAt", createdText, "is in the future");
      }
    }

    const description = describe(value("description"), {
      sourceKey: value("sourceKey"),
      labels: (columns.get("labels") ?? []).map((i) => (record.cells[i] ?? "").trim()).filter(Boolean),
      priority: value("priority"),
    });
    if (description.length > MAX_DESCRIPTION) {
      problem(
        "description",
        "description",
        `${description.slice(0, 40)}…`,
        `must be at most ${MAX_DESCRIPTION} characters`,
      );
    }

    let overWip = false;
    if (stage && lane && rowProblems.length === 0) {
      const admission = wip.admit(stage, lane);
      if (admission.refused) {
        const { place, message } = admission.refused;
        problem(place, place, place === "stage" ? stageText : laneText, message);
      }
      overWip = admission.overWip;
    }

    if (rowProblems.length > 0 || !stage || !lane || type === null || size === undefined) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({
      row: record.row,
      title,
      description,
      type,
      size,
      stageId: stage.id,
      laneId: lane.id,
      createdAt,
      overWip,
    });
  }
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}

/** XS..XL, or whole story points ("3", and Jira's "3.0"); null for empty, undefined when invalid. */
function readSize(text: string): string | null | undefined {
  if (text === "") return null;
  const shirt = text.toUpperCase();
  if (["XS", "S", "M", "L", "XL"].includes(shirt)) return shirt;
  const points = /^(\d{1,3})(?:\.0+)?$/.exec(text);
  return points ? String(Number(points[1])) : undefined;
}

/**
 * The stage a row names: a stage of that name; else, for Jira's default
 * statuses, the first stage (To Do), the development-start stage (In
 * Progress) or the delivered stage (Done); empty means the first stage.
 */
function findStage(stages: readonly ImportStage[], text: string): ImportStage | undefined {
  if (text === "") return stages[0];
  const named = stages.find((stage) => normalizeName(stage.name) === normalizeName(text));
  if (named) return named;
  switch (jiraStatusCategory(text)) {
    case "to-do":
      return stages[0];
    case "in-progress":
      return (
        stages.find((s) => s.boundary === "development_start") ?? stages.find((s) => s.kind === "active")
      );
    case "done":
      return stages.find((s) => s.boundary === "delivered") ?? stages.find((s) => s.kind === "done");
    case null:
      return undefined;
  }
}

/** The description, with what Jira knew that Tideway has no field for, kept below it. */
function describe(text: string, source: { sourceKey: string; labels: string[]; priority: string }): string {
  const notes = [
    source.sourceKey && `Imported from ${source.sourceKey}`,
    source.labels.length > 0 && `Labels: ${source.labels.join(", ")}`,
    source.priority && `Priority: ${source.priority}`,
  ].filter(Boolean);
  if (notes.length === 0) return text;
  return text === "" ? notes.join(" · ") : `${text}\n\n${notes.join(" · ")}`;
}
