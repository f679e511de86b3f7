import { DEFAULT_FORECAST_SETTINGS, type TForecastSettings, ZForecastSettings } from "@tideway/contracts";

/**
 * The board's forecast settings from `Board.settings` (a JSON object shared
 * with other settings): a missing or unreadable value takes its default, so
 * an old or hand-edited board still forecasts.
 */
export function readForecastSettings(settings: unknown): TForecastSettings {
  const stored =
    typeof settings === "object" && settings !== null ? (settings as Record<string, unknown>) : {};
  const weeks = ZForecastSettings.shape.forecastWeeks.safeParse(stored.forecastWeeks);
  return { forecastWeeks: weeks.success ? weeks.data : DEFAULT_FORECAST_SETTINGS.forecastWeeks };
}
