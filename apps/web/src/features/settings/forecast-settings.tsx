import { FORECAST_WEEKS_RANGE } from "@tideway/contracts";
import type { FormEvent } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { changeForecastSettings, fetchForecastSettings } from "../dashboard/forecast-api";
import { useSectionAction } from "./use-section-action";

/** Board admins choose how many weeks of throughput the dashboard's forecasts sample. */
export function ForecastSettings({ boardId }: { boardId: string }) {
  const weeks = useResource(
    queryKeys.forecastSettings(boardId),
    () => fetchForecastSettings(boardId).then((view) => view.settings.forecastWeeks),
    { failureMessage: "Could not load." },
  );
  const { busy, status, act } = useSectionAction(weeks.error);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const forecastWeeks = Number(new FormData(event.currentTarget).get("forecastWeeks"));
    await act(async () => {
      const change = await changeForecastSettings(boardId, { forecastWeeks });
      weeks.replace(change.settings.forecastWeeks);
    }, "Forecast settings saved.");
  }

  return (
    <section className="settings-section" aria-labelledby="forecast-settings-title">
      <h2 id="forecast-settings-title">Forecasts</h2>
      <p>
        The dashboard's forecasts replay this board's deliveries per day. Fewer weeks follow recent changes in
        pace; more weeks smooth out holidays and bursts.
      </p>
      {status && <p role="status">{status}</p>}
      {weeks.data !== null && (
        <form onSubmit={save} aria-label="Forecast settings">
          <label>
            Weeks of throughput sampled{" "}
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
            Save forecast settings
          </button>
        </form>
      )}
    </section>
  );
}
