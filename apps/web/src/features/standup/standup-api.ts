import { type TMetrics, ZMetrics } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

/** The 2-1-1 numbers and the service level expectation, over the default window (last 30 days). */
export function fetchMetrics(boardId: string): Promise<TMetrics> {
  return apiRequest("GET", `/api/boards/${boardId}/metrics`, ZMetrics);
}
