import { type TImportBoardQuery, type TImportBoardResult, ZImportBoardResult } from "@tideway/contracts";
import { ApiError, apiRequest } from "../../api/api-request";

/** Where the browser downloads a board's export (the server names the file). */
export const boardExportUrl = (boardId: string) => `/api/boards/${boardId}/export`;

/**
 * Sends an export file to POST /api/boards/import. The file's text is parsed
 * here first so a file that is not JSON at all gets a plain sentence, not a
 * server round trip.
 */
export async function importBoardFile(file: File, overrides: TImportBoardQuery): Promise<TImportBoardResult> {
  let document: unknown;
  try {
    document = JSON.parse(await file.text());
  } catch {
    throw new ApiError(400, {
      code: "MALFORMED_JSON",
      message: `${file.name} is not a JSON file; choose a file made by "Export board".`,
    });
  }
  const query = new URLSearchParams();
  if (overrides.key) query.set("key", overrides.key);
  if (overrides.name) query.set("name", overrides.name);
  const suffix = query.toString() ? `?${query.toString()}` : "";
  return apiRequest("POST", `/api/boards/import${suffix}`, ZImportBoardResult, document);
}
