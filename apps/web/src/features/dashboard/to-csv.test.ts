import { afterEach, describe, expect, it } from "vitest";
import { applyLocale } from "../../i18n/intl";
import { shownText, tableText } from "./data-table";
import { toCsv } from "./to-csv";

afterEach(() => {
  applyLocale("en", []);
});

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

  it("[I18N] writes headers and labels in English while the table view shows them in Chinese", () => {
    applyLocale("zh-CN", ["zh-CN"]);
    const stage = tableText("dashboard.column.stage");
    const blocked = tableText("dashboard.yesNo", { yes: "yes" });
    const p85 = tableText("dashboard.trend.p85", {
      metric: tableText("dashboard.tile.delivery"),
      unit: "days",
    });
    expect([stage, blocked, p85].map(shownText)).toEqual(["阶段", "是", "交付周期：p85（天）"]);
    expect(toCsv({ columns: [stage, p85, "Blocked"], rows: [["Development", 2.5, blocked]] })).toBe(
      "Stage,Delivery cycle time: p85 (days),Blocked\r\nDevelopment,2.5,yes\r\n",
    );
  });
});
