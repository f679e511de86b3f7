import { MAX_FORECAST_DEMANDS, type TDemand } from "@tideway/contracts";
import { DAY } from "@tideway/domain";
import { type FormEvent, useState } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { formatDay } from "../../ui/format";
import { type ForecastFilter, type ForecastQuestion, fetchForecast } from "./forecast-api";
import { ForecastHistogram } from "./forecast-histogram";
import { isoDay } from "./format-date";
import "./forecast.css";

const dayAfterToday = (days: number) => isoDay(Date.now() + days * DAY);

/**
 * The dashboard's two Monte Carlo questions, asked of the board's own
 * throughput: "how many demands by this day?" and "when will N demands be
 * done?". Both are asked again when the board changes (a live move) or time
 * passes (api/board-event-cache.ts, use-live-dashboard.ts). The dashboard's lane and type filter
 * narrows the throughput sampled, as it narrows every other number.
 */
export function ForecastPanel({
  boardId,
  filter,
  demands,
  csvPrefix,
}: {
  boardId: string;
  filter: ForecastFilter;
  /** The board's demands, to find the ones named by key. */
  demands: readonly Pick<TDemand, "id" | "key">[];
  csvPrefix: string;
}) {
  const [until, setUntil] = useState(() => dayAfterToday(28));
  const [whenQuestion, setWhenQuestion] = useState<ForecastQuestion>({ mode: "when", count: 10 });
  const [keysProblem, setKeysProblem] = useState<string | null>(null);
  const howMany = useForecast(boardId, { mode: "how-many", until }, filter);
  const when = useForecast(boardId, whenQuestion, filter);

  const askHowMany = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setUntil(String(new FormData(event.currentTarget).get("until") ?? until));
  };
  // Demand keys, when given, name the selection; otherwise the count is the question.
  const askWhen = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const keys = String(form.get("keys") ?? "")
      .split(/[\s,]+/)
      .map((key) => key.trim().toUpperCase())
      .filter(Boolean);
    setKeysProblem(null);
    if (keys.length === 0) {
      const count = Number(form.get("count"));
      if (Number.isInteger(count) && count >= 0) setWhenQuestion({ mode: "when", count });
      return;
    }
    const idByKey = new Map(demands.map((demand) => [demand.key.toUpperCase(), demand.id]));
    const unknown = keys.filter((key) => !idByKey.has(key));
    if (unknown.length > 0) {
      setKeysProblem(`Not on this board: ${unknown.join(", ")}.`);
      return;
    }
    setWhenQuestion({ mode: "when", demandIds: keys.map((key) => idByKey.get(key) ?? "") });
  };
  const sample = howMany.forecast?.sample ?? when.forecast?.sample;

  return (
    <section className="forecast" aria-labelledby="forecast-title" data-testid="forecast-panel">
      <h2 id="forecast-title">Forecast</h2>
      <p className="forecast-basis">
        10,000 simulated futures, each built from days drawn at random from this board's deliveries per day
        {filter.lane || filter.type ? " (of the filtered lane and type only)" : ""}
        {sample
          ? ` over the last ${sample.weeks} weeks (${formatDay(sample.from)} to ${formatDay(sample.to)}, UTC)`
          : ""}
        . Higher confidence means a safer promise: fewer demands, or a later date. Change the number of weeks
        sampled in the board settings.
      </p>
      <div className="chart-grid">
        <ForecastHistogram
          name="forecast-how-many"
          title="How many demands by a day"
          forecast={howMany.forecast}
          failure={howMany.failure}
          csvPrefix={csvPrefix}
          outcome="Demands done"
          reading="At 85% confidence: at least this many are done in 85 of 100 simulated futures (the 15th percentile of the totals)."
          form={
            <form className="forecast-question" onSubmit={askHowMany} aria-label="How many by a day">
              <label>
                Done by (end of day, UTC){" "}
                <input
                  type="date"
                  name="until"
                  defaultValue={until}
                  min={dayAfterToday(1)}
                  max={dayAfterToday(366)}
                  required
                />
              </label>
              <button type="submit">Forecast</button>
            </form>
          }
        />
        <ForecastHistogram
          name="forecast-when"
          title="When will N demands be done"
          forecast={when.forecast}
          failure={when.failure}
          csvPrefix={csvPrefix}
          outcome="Days from today"
          reading="At 85% confidence: done by this day in 85 of 100 simulated futures (the 85th percentile of the days taken)."
          form={
            <form className="forecast-question" onSubmit={askWhen} aria-label="When will N be done">
              <label>
                Demands to finish{" "}
                <input
                  type="number"
                  name="count"
                  defaultValue={10}
                  min={0}
                  max={MAX_FORECAST_DEMANDS}
                  required
                />
              </label>
              <label>
                or these demands <input name="keys" placeholder="e.g. PAY-12, PAY-15" size={18} />
              </label>
              <button type="submit">Forecast</button>
              {keysProblem && <span role="alert">{keysProblem}</span>}
              {when.forecast?.selected != null && (
                <span data-testid="forecast-selection">
                  {when.forecast.remaining} of {when.forecast.selected} selected still to finish
                </span>
              )}
            </form>
          }
        />
      </div>
    </section>
  );
}

/** One question's answer; a new question or filter shows "Simulating…" rather than the last answer. */
function useForecast(boardId: string, question: ForecastQuestion, filter: ForecastFilter) {
  const forecast = useResource(
    queryKeys.forecast(boardId, question, filter),
    () => fetchForecast(boardId, question, filter),
    { failureMessage: "The forecast could not be loaded." },
  );
  return { forecast: forecast.data, failure: forecast.error };
}
