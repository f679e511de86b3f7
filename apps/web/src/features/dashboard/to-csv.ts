import { csvText, type DataTable, type TableCell } from "./data-table";

/**
 * RFC 4180 CSV: CRLF line ends; a field holding a comma, quote or line break
 * is quoted with its quotes doubled. Text that a spreadsheet would run as a
 * formula (a demand title starting with "=", "+", "-", "@", a tab or a
 * carriage return, also behind leading spaces and in full-width or other
 * compatibility forms such as "＝", which spreadsheets read as "=") is
 * prefixed with an apostrophe, so opening an export never executes what
 * someone typed into a title. Numbers are written as they are; headers and
 * labels in English (`TableText`), whatever the interface language.
 */
export function toCsv(table: DataTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function csvField(value: TableCell): string {
  const cell = csvText(value);
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = looksLikeFormula(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function looksLikeFormula(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  return /^[=+\-@]/.test(text.trimStart().normalize("NFKC"));
}
