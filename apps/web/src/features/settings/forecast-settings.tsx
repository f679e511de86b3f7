import { FORECAST_WEEKS_RANGE } from "@tideway/contracts";
import type { FormEvent } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { changeForecastSettings, fetchForecastSettings } from "../dashboard/forecast-api";
import { useSectionAction } from "./use-section-action";

/** Board admins choose how many weeks of throughput the dashboard's forecasts sample. */
export function ForecastSettings({ boardId }: { boardId: string }) {
  const t = useT();
  const weeks = useResource(
    queryKeys.forecastSettings(boardId),
    () => fetchForecastSettings(boardId).then((view) => view.settings.forecastWeeks),
    { failureMessage: t("settings.loadFailed") },
  );
  const { busy, status, act } = useSectionAction(weeks.error);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const forecastWeeks = Number(new FormData(event.currentTarget).get("forecastWeeks"));
    await act(async () => {
      const change = await changeForecastSettings(boardId, { forecastWeeks });
      weeks.replace(change.settings.forecastWeeks);
    }, t("settings.forecast.saved"));
  }

  return (
    <section className="settings-section" aria-labelledby="forecast-settings-title">
      <h2 id="forecast-settings-title">{t("settings.forecast.title")}</h2>
      <p>{t("settings.forecast.hint")}</p>
      {status && <p role="status">{status}</p>}
      {weeks.data !== null && (
        <form onSubmit={save} aria-label={t("settings.forecast.label")}>
          <label>
            {t("settings.forecast.weeks")}{" "}
            <input
              type="number"
              name="forecastWeeks"
              defaultValue={weeks.data}
              min={FORECAST_WEEKS_RANGE.min}
              max={FORECAST_WEEKS_RANGE.max}
              required
            />
          </label>
          <button type="submit" disabled={busy}>
            {t("settings.forecast.save")}
          </button>
        </form>
      )}
    </section>
  );
}
