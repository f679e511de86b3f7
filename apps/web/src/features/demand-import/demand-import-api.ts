import {
  type TDemandImportProblem,
  type TDemandImportResult,
  ZDemandImportReport,
  ZDemandImportResult,
} from "@tideway/contracts";
import { ApiError, apiRequest } from "../../api/api-request";

/** Sends a CSV file's text to the board's import (as JSON `{ csv }`). */
export async function importDemandsCsv(boardId: string, file: File): Promise<TDemandImportResult> {
  return apiRequest("POST", `/api/boards/${boardId}/demands/import`, ZDemandImportResult, {
    csv: await file.text(),
  });
}

/** The per-row problems of a refused import, if the error carries them. */
export function importProblemsOf(error: unknown): TDemandImportProblem[] {
  if (!(error instanceof ApiError)) return [];
  const report = ZDemandImportReport.safeParse(error.details);
  return report.success ? report.data.problems : [];
}
