import { type TMetrics, type TMetricsQuery, ZMetrics } from "@tideway/contracts";
import { apiRequest, firstAnswerTo } from "../../api/api-request";

const metricsPath = (boardId: string) => `/api/boards/${boardId}/metrics`;

/**
 * The numbers for a window. `defaultView`: the dashboard's default view, the last 30 days up to
 * now, which is also the API's default window, so the page may have brought its answer.
 */
export function fetchMetrics(boardId: string, query: TMetricsQuery, defaultView = false): Promise<TMetrics> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (typeof value === "string") params.set(name, value);
  }
  const search = params.size > 0 ? `?${params.toString()}` : "";
  const path = metricsPath(boardId);
  return apiRequest(
    "GET",
    `${path}${search}`,
    ZMetrics,
    undefined,
    defaultView ? { sameAnswerAs: path } : {},
  );
}

/** The default view's numbers the page brought, if it did (first-page.ts). */
export function metricsAnsweredFirst(boardId: string): TMetrics | undefined {
  return firstAnswerTo(metricsPath(boardId), ZMetrics);
}
