import type { ImportRecord } from "@tideway/domain";
import { CsvError, parse } from "csv-parse/sync";
import { importProblems } from "./import-problems";

export interface CsvRecords {
  header: string[];
  records: ImportRecord[];
}

/**
 * Splits CSV text into a header and records with csv-parse (quoted fields
 * with commas, quotes and line breaks, as Jira and spreadsheets write them).
 * The delimiter is the one the header row uses most: a comma, or the
 * semicolon or tab of some spreadsheet locales. Blank lines are skipped;
 * `row` counts records with the header as row 1, as a spreadsheet numbers them.
 * A file csv-parse cannot read is a problem on the row where it stopped.
 */
export function readCsvRecords(text: string): CsvRecords {
  let parsed: { record: string[]; info: { records: number } }[];
  try {
    // With `info: true` each record comes with where it was read (csv-parse's types miss that).
    parsed = parse(text, {
      bom: true,
      delimiter: guessDelimiter(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = ((error as CsvError & { records?: number }).records ?? 0) + 1;
    throw importProblems(
      [{ row, column: "(file)", value: "", message: `the file is not valid CSV: ${error.message}` }],
      row,
    );
  }
  const [first, ...rest] = parsed;
  return {
    header: first?.record ?? [],
    records: rest.map(({ record, info }) => ({ row: info.records, cells: record })),
  };
}

function guessDelimiter(text: string): string {
  const headerLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  const counts = [",", ";", "\t"].map(
    (delimiter) => [delimiter, headerLine.split(delimiter).length] as const,
  );
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}
