import {
  type TForecastSettings,
  ZForecast,
  ZForecastSettingsChange,
  ZForecastSettingsView,
  ZQuarterlyTwoOneOne,
} from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";
import type { DashboardView } from "./dashboard-view";

/** How many by a day (`until`), or when `count` demands (or those of `demandIds` not yet done) will be done. */
export type ForecastQuestion =
  | { mode: "how-many"; until: string }
  | { mode: "when"; count: number }
  | { mode: "when"; demandIds: string[] };

/** The dashboard's filter: forecast from one lane's or one type's throughput. */
export type ForecastFilter = Pick<DashboardView, "lane" | "type">;

export function fetchForecast(boardId: string, question: ForecastQuestion, filter: ForecastFilter) {
  let asked: Record<string, string>;
  if (question.mode === "how-many") asked = { until: question.until };
  else if ("count" in question) asked = { count: String(question.count) };
  else asked = { demandIds: question.demandIds.join(",") };
  const params = new URLSearchParams({ mode: question.mode, ...asked });
  if (filter.lane) params.set("lane", filter.lane);
  if (filter.type) params.set("type", filter.type);
  return apiRequest("GET", `/api/boards/${boardId}/forecast?${params.toString()}`, ZForecast);
}

export const fetchForecastSettings = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/forecast-settings`, ZForecastSettingsView);
export const changeForecastSettings = (boardId: string, body: TForecastSettings) =>
  apiRequest("PATCH", `/api/boards/${boardId}/forecast-settings`, ZForecastSettingsChange, body);
export const fetchQuarterlyTwoOneOne = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/two-one-one/quarters`, ZQuarterlyTwoOneOne);
