import type { TForecast } from "@tideway/contracts";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { formatDay, formatNumber, formatPercent } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, type TableText, tableText } from "./data-table";

interface ForecastHistogramProps {
  name: string;
  title: string;
  forecast: TForecast | null;
  failure: string | null;
  csvPrefix: string;
  /** The x axis and the table's first column: "Demands done" or "Days from today". */
  outcome: TableText;
  /** How to read the 85% answer, in a sentence. */
  reading: string;
  form: ReactNode;
  /** Whether the dashboard's lane or type filter narrows the throughput sampled. */
  filtered: boolean;
}

/** One forecast: its question, the 50/85/95% answers, and the histogram of the simulated outcomes. */
export function ForecastHistogram(props: ForecastHistogramProps) {
  const { name, title, forecast, failure, csvPrefix, outcome, reading, form, filtered } = props;
  const t = useT();
  const trials = forecast?.trials ?? 1;
  const data = (forecast?.histogram ?? []).map((bar) => ({
    value: bar.value,
    share: Math.round((bar.trials / trials) * 1000) / 10,
  }));
  const answer85 = forecast?.answers.find((answer) => answer.confidence === 85);
  const x85 = forecast?.mode === "how-many" ? answer85?.count : answer85?.days;

  let emptyMessage: string | null = null;
  if (failure) emptyMessage = failure;
  else if (!forecast) emptyMessage = t("dashboard.forecast.simulating");
  else if (forecast.status === "no-history")
    emptyMessage = t("dashboard.forecast.noHistory", {
      filtered: filtered ? "yes" : "no",
      weeks: forecast.sample.weeks,
    });
  else if (forecast.status === "nothing-remaining")
    emptyMessage = t("dashboard.forecast.nothingRemaining", {
      selected: forecast.selected === null ? "no" : "yes",
    });

  return (
    <ChartPanel
      name={name}
      title={title}
      definition={[t("dashboard.forecast.definition", { futures: formatNumber(10_000) }), reading]}
      table={forecastTable(forecast, outcome)}
      csvPrefix={csvPrefix}
      summary={
        <>
          {form}
          {forecast?.status === "forecast" && <ForecastAnswers forecast={forecast} />}
        </>
      }
      emptyMessage={emptyMessage}
      note={reading}
    >
      <BarChart
        responsive
        style={{ width: "100%", height: 220 }}
        data={data}
        margin={{ top: 12, right: 16, bottom: 16 }}
      >
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis
          dataKey="value"
          stroke={COLORS.axis}
          label={{ value: outcome.shown, position: "insideBottom", dy: 10 }}
        />
        <YAxis stroke={COLORS.axis} tickFormatter={(share: number) => formatPercent(share / 100)} />
        <Tooltip
          formatter={(share) => [
            t("dashboard.forecast.shareOfFutures", { share: formatPercent(Number(share) / 100, 1) }),
            "",
          ]}
          labelFormatter={(value) => `${outcome.shown}: ${String(value)}`}
        />
        <Bar
          dataKey="share"
          name={t("dashboard.forecast.column.share")}
          fill={COLORS.accent}
          isAnimationActive={false}
        />
        {x85 != null && <ReferenceLine x={x85} stroke={COLORS.axis} strokeDasharray="4 2" label="85%" />}
      </BarChart>
    </ChartPanel>
  );
}

function ForecastAnswers({ forecast }: { forecast: TForecast }) {
  const t = useT();
  return (
    <span className="forecast-answers" data-testid={`forecast-answers-${forecast.mode}`}>
      {forecast.answers.map((answer) => (
        <span key={answer.confidence} className="forecast-answer">
          {t("dashboard.forecast.confidence", { share: formatPercent(answer.confidence / 100) })}{" "}
          <strong>
            {forecast.mode === "how-many"
              ? t("dashboard.forecast.orMore", { count: formatNumber(answer.count ?? 0) })
              : answer.date === null
                ? t("dashboard.forecast.beyondAYear")
                : formatDay(answer.date)}
          </strong>
          {forecast.mode === "when" && answer.days !== null && (
            <span className="forecast-days">
              {" "}
              {t("dashboard.forecast.days", { days: formatNumber(answer.days) })}
            </span>
          )}
        </span>
      ))}
    </span>
  );
}

function forecastTable(forecast: TForecast | null, outcome: TableText): DataTable {
  const bars = forecast?.status === "forecast" ? forecast.histogram : [];
  const trials = forecast?.trials ?? 1;
  return {
    columns: [
      outcome,
      tableText("dashboard.forecast.column.futures"),
      tableText("dashboard.forecast.column.share"),
    ],
    rows: bars.map((bar) => [bar.value, bar.trials, `${((bar.trials / trials) * 100).toFixed(1)}%`]),
  };
}
