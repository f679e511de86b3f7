import { describe, expect, it } from "vitest";
import { importColumns } from "./demand-import-columns";
import { type DemandImportBoard, MAX_IMPORT_ROWS, readDemandImport } from "./demand-import-rows";

const stage = (
  id: string,
  position: number,
  kind: "queue" | "active" | "done",
  boundary: "commitment" | "development_start" | "development_end" | "delivered" | null,
  wipLimit: number | null = null,
) => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  position,
  kind,
  boundary,
  wipLimit,
  wipPolicy: "hard" as const,
});

const BOARD: DemandImportBoard = {
  stages: [
    stage("selection", 0, "queue", null),
    stage("design", 1, "active", "commitment", 2),
    stage("development", 2, "active", "development_start"),
    stage("release", 3, "queue", "development_end"),
    stage("done", 4, "done", "delivered"),
  ],
  lanes: [
    { id: "expedite", name: "Expedite", position: 0, wipLimit: 1, wipPolicy: "hard" },
    { id: "standard", name: "Standard", position: 1, wipLimit: null, wipPolicy: "hard" },
  ],
  counts: { byStage: new Map([["design", 1]]), inProgressByLane: new Map() },
};
const NOW = Date.UTC(2026, 2, 1);
const read = (header: string[], ...rows: string[][]) =>
  readDemandImport(
    header,
    rows.map((cells, index) => ({ row: index + 2, cells })),
    BOARD,
    NOW,
  );

describe("importColumns", () => {
  it("recognises Tideway's and Jira's headers and keeps Jira's repeated Labels columns", () => {
    const columns = importColumns([
      "\uFEFFSummary",
      "Issue key",
      "Labels",
      "Labels",
      "Sprint",
      "Custom field (Story Points)",
    ]);
    expect(Object.fromEntries(columns)).toEqual({ title: [0], sourceKey: [1], labels: [2, 3], size: [5] });
  });
});

describe("readDemandImport", () => {
  it("reads Tideway's columns with defaults for the empty ones", () => {
    const { rows, problems } = read(
      ["title", "type", "size", "stage", "lane", "createdAt"],
      ["Card form", "feature", "m", "Development", "Expedite", "2026-02-10T08:00:00Z"],
      ["Refund bug", "defect", "", "", "", ""],
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        row: 2,
        title: "Card form",
        size: "M",
        stageId: "development",
        laneId: "expedite",
        createdAt: Date.UTC(2026, 1, 10, 8),
        overWip: false,
      }),
      expect.objectContaining({
        row: 3,
        type: "defect",
        size: null,
        stageId: "selection",
        laneId: "standard",
        createdAt: null,
      }),
    ]);
  });

  it("maps a Jira row: issue type, status by category, points, date, and keeps key, labels and priority", () => {
    const { rows, problems } = read(
      [
        "Summary",
        "Issue key",
        "Issue Type",
        "Status",
        "Priority",
        "Created",
        "Labels",
        "Labels",
        "Custom field (Story Points)",
        "Description",
      ],
      [
        "Export ledger",
        "PAY-7",
        "Bug",
        "In Progress",
        "High",
        "12/Feb/26 9:41 AM",
        "ledger",
        "q1",
        "3.0",
        "Totals are off",
      ],
    );
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({
      type: "defect",
      stageId: "development",
      size: "3",
      createdAt: Date.UTC(2026, 1, 12, 9, 41),
      description: "Totals are off\n\nImported from PAY-7 · Labels: ledger, q1 · Priority: High",
    });
  });

  it("reports every bad cell with its row, column and value, and then accepts no row at all", () => {
    const { rows, problems } = read(
      ["Summary", "Issue Type", "Status", "Created", "Story Points"],
      ["Good", "Story", "To Do", "", ""],
      ["", "Initiative", "Waiting for QA", "31/Feb/26", "2.5"],
      ["Also good", "Task", "Done", "2027-01-01", ""],
    );
    expect(rows).toEqual([]);
    expect(problems.map(({ row, column, value }) => [row, column, value])).toEqual([
      [3, "Summary", ""],
      [3, "Issue Type", "Initiative"],
      [3, "Story Points", "2.5"],
      [3, "Status", "Waiting for QA"],
      [3, "Created", "31/Feb/26"],
      [4, "Created", "2027-01-01"],
    ]);
    expect(problems[3]?.message).toBe(
      "names no stage of this board (stages: Selection, Design, Development, Release, Done) and is not one of Jira's To Do, In Progress or Done",
    );
  });

  it("refuses the rows that would pass a hard WIP limit, counting the board and the rows above", () => {
    const { problems } = read(
      ["title", "stage", "lane"],
      ["Fits Design", "Design", ""],
      ["Design is full", "Design", ""],
      ["First expedite", "Development", "Expedite"],
      ["Second expedite", "Development", "Expedite"],
      ["Expedite waiting is not in progress", "Selection", "Expedite"],
    );
    expect(problems.map(({ row, column }) => [row, column])).toEqual([
      [3, "stage"],
      [5, "lane"],
    ]);
    expect(problems[0]?.message).toMatch(/^Design is at its WIP limit of 2\./);
  });

  it("needs a title column and at most MAX_IMPORT_ROWS rows", () => {
    expect(read(["name", "type"], ["x", "feature"]).problems).toEqual([
      expect.objectContaining({ row: 1, column: "(header)" }),
    ]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ["x"]);
    expect(read(["title"], ...many).problems).toEqual([expect.objectContaining({ column: "(file)" })]);
  });
});
