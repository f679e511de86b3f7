/** One value of a chart's table view and CSV. */
export type TableCell = string | number | null;

/**
 * The numbers behind a chart, as its table view shows them and its CSV
 * download writes them: the same values in both, so what a lead reads on
 * screen is what lands in the spreadsheet.
 */
export interface DataTable {
  columns: readonly string[];
  rows: readonly (readonly TableCell[])[];
}
