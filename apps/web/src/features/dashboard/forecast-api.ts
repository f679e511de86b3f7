import {
  type TForecastSettings,
  ZForecast,
  ZForecastSettingsChange,
  ZForecastSettingsView,
  ZQuarterlyTwoOneOne,
} from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

/** How many by a day (`until`), or when `count` demands will be done. */
export type ForecastQuestion = { mode: "how-many"; until: string } | { mode: "when"; count: number };

export function fetchForecast(boardId: string, question: ForecastQuestion) {
  const params = new URLSearchParams(
    question.mode === "how-many"
      ? { mode: question.mode, until: question.until }
      : { mode: question.mode, count: String(question.count) },
  );
  return apiRequest("GET", `/api/boards/${boardId}/forecast?${params.toString()}`, ZForecast);
}

export const fetchForecastSettings = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/forecast-settings`, ZForecastSettingsView);
export const changeForecastSettings = (boardId: string, body: TForecastSettings) =>
  apiRequest("PATCH", `/api/boards/${boardId}/forecast-settings`, ZForecastSettingsChange, body);
export const fetchQuarterlyTwoOneOne = (boardId: string) =>
  apiRequest("GET", `/api/boards/${boardId}/two-one-one/quarters`, ZQuarterlyTwoOneOne);
