import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it("writes a header and one CRLF-terminated line per row", () => {
    expect(
      toCsv({
        columns: ["Week", "Delivered"],
        rows: [
          ["2026-11-02", 14],
          ["2026-11-09", 0],
        ],
      }),
    ).toBe("Week,Delivered\r\n2026-11-02,14\r\n2026-11-09,0\r\n");
  });

  it("quotes fields with commas, quotes or line breaks and doubles their quotes", () => {
    const csv = toCsv({
      columns: ["Title"],
      rows: [["Pay, then ship"], ['The "fast" path'], ["two\nlines"]],
    });
    expect(csv).toBe('Title\r\n"Pay, then ship"\r\n"The ""fast"" path"\r\n"two\nlines"\r\n');
  });

  it("keeps a title that looks like a formula from running in a spreadsheet", () => {
    expect(toCsv({ columns: ["Title"], rows: [["=HYPERLINK(1)"], ["-5 bugs"], ["@here"]] })).toBe(
      "Title\r\n'=HYPERLINK(1)\r\n'-5 bugs\r\n'@here\r\n",
    );
  });

  it("writes missing values as empty fields and numbers as they are", () => {
    expect(toCsv({ columns: ["a", "b", "c"], rows: [[null, 0.25, Number.NaN]] })).toBe("a,b,c\r\n,0.25,\r\n");
  });
});
