import { FORECAST_WEEKS_RANGE } from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useResource } from "../../api/use-resource";
import { changeForecastSettings, fetchForecastSettings } from "../dashboard/forecast-api";

/** Board admins choose how many weeks of throughput the dashboard's forecasts sample. */
export function ForecastSettings({ boardId }: { boardId: string }) {
  const weeks = useResource(
    ["forecast-settings", boardId],
    () => fetchForecastSettings(boardId).then((view) => view.settings.forecastWeeks),
    { failureMessage: "Could not load." },
  );
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = message ?? weeks.error;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const forecastWeeks = Number(new FormData(event.currentTarget).get("forecastWeeks"));
    setBusy(true);
    setMessage(null);
    try {
      const change = await changeForecastSettings(boardId, { forecastWeeks });
      weeks.replace(change.settings.forecastWeeks);
      setMessage("Forecast settings saved.");
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "That did not work; try again.");
    } finally {
      setBusy(false);
    }
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
