import { describe, expect, it } from "vitest";
import { ZDemandLink } from "./board";
import { ZBoardExportParts, ZImportBoardQuery } from "./board-export";
import { NUL_REFUSAL } from "./storable-text";

const NUL = "\u0000";
const board = {
  id: "b1",
  key: "PAY",
  name: "Payments",
  settings: {},
  createdAt: "2026-03-02T00:00:00Z",
  nextDemandNumber: 1,
};

/** The issues of a failed parse, as `path: message`. */
function refusals(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("ZStorableText", () => {
  it("refuses NUL in an import's header and query with one sentence a person can act on", () => {
    expect(refusals(ZBoardExportParts.shape.board.safeParse({ ...board, name: `Pay${NUL}` }))).toEqual([
      `name: ${NUL_REFUSAL}`,
    ]);
    expect(refusals(ZBoardExportParts.shape.board.safeParse({ ...board, id: NUL }))).toEqual([
      `id: ${NUL_REFUSAL}`,
    ]);
    expect(refusals(ZImportBoardQuery.safeParse({ name: `Copy${NUL}` }))).toEqual([`name: ${NUL_REFUSAL}`]);
    expect(refusals(ZDemandLink.safeParse({ title: NUL, url: "https://example.test" }))).toEqual([
      `title: ${NUL_REFUSAL}`,
    ]);
  });

  it("names the NUL first when the text is also too long", () => {
    const issues = refusals(
      ZBoardExportParts.shape.board.safeParse({ ...board, name: `${"x".repeat(200)}${NUL}` }),
    );
    expect(issues?.[0]).toBe(`name: ${NUL_REFUSAL}`);
  });

  it("accepts text without NUL, other control characters included", () => {
    expect(ZBoardExportParts.shape.board.safeParse({ ...board, name: "Pay\tments" }).success).toBe(true);
  });
});
