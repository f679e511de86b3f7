import { z } from "zod";
import { ZId } from "./board";
import { isStorableText } from "./storable-text";

/**
 * POST /api/boards/:boardId/demands/import: demands from a CSV file, with
 * Tideway's own columns or a Jira export's (the column and mapping rules:
 * packages/domain/src/demand-import-rows.ts). Send the file as the body with
 * `Content-Type: text/csv`, or as JSON `{ "csv": "<the file's text>" }`.
 * All or nothing: one bad row and nothing is imported; the 400 reply's
 * `details.problems` lists every problem found.
 */
export const ZDemandImportBody = z.object({
  csv: z
    .string()
    .trim()
    .min(1, "the file is empty")
    .refine(isStorableText, "the file holds NUL characters: is it a spreadsheet, not CSV?")
    .describe("The CSV file's text, header row first"),
});
export type TDemandImportBody = z.infer<typeof ZDemandImportBody>;

export const ZDemandImportProblem = z.object({
  row: z.number().int().describe("Row in the file, counting the header as row 1 (as a spreadsheet shows it)"),
  column: z.string().describe("The column's header as the file names it"),
  value: z.string(),
  message: z.string(),
});
export type TDemandImportProblem = z.infer<typeof ZDemandImportProblem>;

/** `details` of the 400 reply when any row is bad. */
export const ZDemandImportReport = z.object({
  problems: z.array(ZDemandImportProblem),
  rows: z.number().int().describe("Data rows in the file"),
});
export type TDemandImportReport = z.infer<typeof ZDemandImportReport>;

export const ZDemandImportResult = z.object({
  imported: z.number().int(),
  demands: z.array(z.object({ row: z.number().int(), id: ZId, key: z.string(), title: z.string() })),
  seq: z.number().int().describe("The board's sequence number after the import"),
});
export type TDemandImportResult = z.infer<typeof ZDemandImportResult>;
