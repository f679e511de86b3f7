import { type TMetrics, type TMetricsQuery, ZMetrics } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

export function fetchMetrics(boardId: string, query: TMetricsQuery): Promise<TMetrics> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === "string") params.set(name, value);
  }
  const search = params.size > 0 ? `?${params.toString()}` : "";
  return apiRequest("GET", `/api/boards/${boardId}/metrics${search}`, ZMetrics);
}
