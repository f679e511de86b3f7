import type { DataTable } from "./data-table";
import { toCsv } from "./to-csv";

/**
 * Saves a table as a CSV file through the browser: a Blob, an object URL and
 * a temporary `<a download>`. The byte order mark lets spreadsheet programs
 * read the UTF-8 titles correctly.
 */
export function downloadCsv(fileName: string, table: DataTable): void {
  const blob = new Blob(["\uFEFF", toCsv(table)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking right after click() can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
