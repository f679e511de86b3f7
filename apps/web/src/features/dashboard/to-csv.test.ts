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

  it("[F12] neutralises a formula behind leading whitespace or written with full-width signs", () => {
    const titles = [
      " =1+1",
      "\t=cmd",
      "\u00a0+1",
      "\r@SUM(A1)",
      "＝HYPERLINK(1)",
      "＋1",
      "－1",
      "＠here",
      " ﹦1",
    ];
    const csv = toCsv({ columns: ["Title"], rows: titles.map((title) => [title]) });
    const fields = csv.split("\r\n").slice(1, -1);
    expect(fields).toHaveLength(titles.length);
    for (const field of fields) expect(field.replace(/^"/, "")).toMatch(/^'/);
    // Ordinary text, and a sign inside it, is left alone.
    expect(toCsv({ columns: ["Title"], rows: [["Pay = ship"], ["a-b"]] })).toBe(
      "Title\r\nPay = ship\r\na-b\r\n",
    );
  });

  it("writes missing values as empty fields and numbers as they are", () => {
    expect(toCsv({ columns: ["a", "b", "c"], rows: [[null, 0.25, Number.NaN]] })).toBe("a,b,c\r\n,0.25,\r\n");
  });
});
