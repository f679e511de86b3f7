import { MAX_FORECAST_DEMANDS, type TDemand } from "@tideway/contracts";
import { DAY } from "@tideway/domain";
import { type FormEvent, useState } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { formatDay, formatList, formatNumber } from "../../ui/format";
import { tableText } from "./data-table";
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
  const t = useT();
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
      setKeysProblem(translate("dashboard.forecast.notOnBoard", { keys: formatList(unknown) }));
      return;
    }
    setWhenQuestion({ mode: "when", demandIds: keys.map((key) => idByKey.get(key) ?? "") });
  };
  const sample = howMany.forecast?.sample ?? when.forecast?.sample;

  return (
    <section className="forecast" aria-labelledby="forecast-title" data-testid="forecast-panel">
      <h2 id="forecast-title">{t("dashboard.forecast.title")}</h2>
      <p className="forecast-basis">
        {t("dashboard.forecast.basis", {
          futures: formatNumber(10_000),
          filtered: filter.lane || filter.type ? "yes" : "no",
          sampled: sample ? "yes" : "no",
          weeks: sample?.weeks ?? 0,
          from: sample ? formatDay(sample.from) : "",
          to: sample ? formatDay(sample.to) : "",
        })}
      </p>
      <div className="chart-grid">
        <ForecastHistogram
          name="forecast-how-many"
          title={t("dashboard.forecast.howMany.title")}
          forecast={howMany.forecast}
          failure={howMany.failure}
          csvPrefix={csvPrefix}
          filtered={filter.lane !== null || filter.type !== null}
          outcome={tableText("dashboard.forecast.howMany.outcome")}
          reading={t("dashboard.forecast.howMany.reading")}
          form={
            <form
              className="forecast-question"
              onSubmit={askHowMany}
              aria-label={t("dashboard.forecast.howMany.form")}
            >
              <label>
                {t("dashboard.forecast.doneBy")}{" "}
                <input
                  type="date"
                  name="until"
                  defaultValue={until}
                  min={dayAfterToday(1)}
                  max={dayAfterToday(366)}
                  required
                />
              </label>
              <button type="submit">{t("dashboard.forecast.ask")}</button>
            </form>
          }
        />
        <ForecastHistogram
          name="forecast-when"
          title={t("dashboard.forecast.when.title")}
          forecast={when.forecast}
          failure={when.failure}
          csvPrefix={csvPrefix}
          filtered={filter.lane !== null || filter.type !== null}
          outcome={tableText("dashboard.forecast.when.outcome")}
          reading={t("dashboard.forecast.when.reading")}
          form={
            <form
              className="forecast-question"
              onSubmit={askWhen}
              aria-label={t("dashboard.forecast.when.form")}
            >
              <label>
                {t("dashboard.forecast.count")}{" "}
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
                {t("dashboard.forecast.keys")}{" "}
                <input name="keys" placeholder={t("dashboard.forecast.keysPlaceholder")} size={18} />
              </label>
              <button type="submit">{t("dashboard.forecast.ask")}</button>
              {keysProblem && <span role="alert">{keysProblem}</span>}
              {when.forecast?.selected != null && (
                <span data-testid="forecast-selection">
                  {t("dashboard.forecast.selection", {
                    remaining: formatNumber(when.forecast.remaining ?? 0),
                    selected: formatNumber(when.forecast.selected),
                  })}
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
    { failureMessage: translate("dashboard.forecast.loadFailed") },
  );
  return { forecast: forecast.data, failure: forecast.error };
}
