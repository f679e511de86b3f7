import { describe, expect, it } from "vitest";
import { demandTypeFromName, jiraStatusCategory, parseImportDate } from "./jira-mapping";

describe("demandTypeFromName", () => {
  it("maps Jira's issue types to demand types, ignoring case and spacing", () => {
    expect(
      [
        "Bug",
        "Story",
        "New Feature",
        "Epic",
        "Task",
        "Sub-task",
        "Spike",
        "improvement",
        "  Technical   Task ",
      ].map(demandTypeFromName),
    ).toEqual(["defect", "feature", "feature", "feature", "chore", "chore", "spike", "feature", "chore"]);
  });

  it("reads Tideway's own names, takes an empty cell as a feature and knows no others", () => {
    expect(["feature", "defect", "chore", "spike", ""].map(demandTypeFromName)).toEqual([
      "feature",
      "defect",
      "chore",
      "spike",
      "feature",
    ]);
    expect(demandTypeFromName("Initiative")).toBeNull();
  });
});

describe("jiraStatusCategory", () => {
  it("knows Jira's default statuses", () => {
    expect(["To Do", "In Progress", "Done", "Closed", "Waiting"].map(jiraStatusCategory)).toEqual([
      "to-do",
      "in-progress",
      "done",
      "done",
      null,
    ]);
  });
});

describe("parseImportDate", () => {
  it("reads Jira's export format with 12-hour and 24-hour clocks", () => {
    expect(parseImportDate("12/Mar/24 9:41 AM")).toBe(Date.UTC(2024, 2, 12, 9, 41));
    expect(parseImportDate("12/Mar/24 9:41 PM")).toBe(Date.UTC(2024, 2, 12, 21, 41));
    expect(parseImportDate("01/Jan/24 12:05 AM")).toBe(Date.UTC(2024, 0, 1, 0, 5));
    expect(parseImportDate("01/Jan/24 12:05 PM")).toBe(Date.UTC(2024, 0, 1, 12, 5));
    expect(parseImportDate("5/dec/2023 17:30")).toBe(Date.UTC(2023, 11, 5, 17, 30));
    expect(parseImportDate("12/Mar/24")).toBe(Date.UTC(2024, 2, 12));
  });

  it("reads ISO 8601 with and without an offset (none means UTC)", () => {
    expect(parseImportDate("2024-03-12")).toBe(Date.UTC(2024, 2, 12));
    expect(parseImportDate("2024-03-12 09:41")).toBe(Date.UTC(2024, 2, 12, 9, 41));
    expect(parseImportDate("2024-03-12T09:41:07.250Z")).toBe(Date.UTC(2024, 2, 12, 9, 41, 7, 250));
    expect(parseImportDate("2024-03-12T11:41:00+02:00")).toBe(Date.UTC(2024, 2, 12, 9, 41));
    expect(parseImportDate("2024-03-12T04:41:00-0500")).toBe(Date.UTC(2024, 2, 12, 9, 41));
  });

  it("refuses impossible and unknown dates", () => {
    for (const text of [
      "31/Feb/24",
      "12/Foo/24 9:41 AM",
      "13:00 12/Mar/24",
      "2024-13-01",
      "12/Mar/24 13:00 PM",
      "",
      "03/12/2024",
    ]) {
      expect(parseImportDate(text), text).toBeNull();
    }
  });
});
