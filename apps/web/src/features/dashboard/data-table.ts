import { type MessageValues, translate, translateToEnglish } from "../../i18n/intl";
import type { MessageId } from "../../i18n/messages";

/**
 * Words of a table that people read in their language and the CSV writes in
 * English, so a download opens the same way in every spreadsheet and script
 * whatever language the person downloading it speaks.
 */
export interface TableText {
  csv: string;
  shown: string;
}

/** One value of a chart's table view and CSV; a plain string (a title, a stage name, a date) is written as it is. */
export type TableCell = string | number | null | TableText;

/**
 * The numbers behind a chart, as its table view shows them and its CSV
 * download writes them: the same values in both, so what a lead reads on
 * screen is what lands in the spreadsheet. Only the words differ: headers and
 * labels are shown in the interface language and written in English.
 */
export interface DataTable {
  columns: readonly (string | TableText)[];
  rows: readonly (readonly TableCell[])[];
}

type TableTextValues = Record<string, MessageValues[string] | TableText>;

/**
 * A header or label of a table: shown in the interface language, written to
 * CSV in English. A value that is itself a `TableText` (a metric's name in a
 * header) takes the same language as the sentence around it.
 */
export function tableText(id: MessageId, values: TableTextValues = {}): TableText {
  const valuesFor = (side: keyof TableText): MessageValues =>
    Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        value !== null && typeof value === "object" && "csv" in value ? value[side] : value,
      ]),
    );
  return { csv: translateToEnglish(id, valuesFor("csv")), shown: translate(id, valuesFor("shown")) };
}

/** What the CSV writes for a cell or header. */
export function csvText(cell: TableCell): string | number | null {
  return cell !== null && typeof cell === "object" ? cell.csv : cell;
}

/** What the table view shows for a cell or header. */
export function shownText(cell: TableCell): string | number | null {
  return cell !== null && typeof cell === "object" ? cell.shown : cell;
}
