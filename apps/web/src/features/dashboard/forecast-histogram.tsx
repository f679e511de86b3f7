import type { TForecast } from "@tideway/contracts";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import type { DataTable } from "./data-table";

interface ForecastHistogramProps {
  name: string;
  title: string;
  forecast: TForecast | null;
  failure: string | null;
  csvPrefix: string;
  /** The x axis: "Demands done" or "Days from today". */
  outcome: string;
  /** How to read the 85% answer, in a sentence. */
  reading: string;
  form: ReactNode;
}

/** One forecast: its question, the 50/85/95% answers, and the histogram of the simulated outcomes. */
export function ForecastHistogram(props: ForecastHistogramProps) {
  const { name, title, forecast, failure, csvPrefix, outcome, reading, form } = props;
  const trials = forecast?.trials ?? 1;
  const data = (forecast?.histogram ?? []).map((bar) => ({
    value: bar.value,
    share: Math.round((bar.trials / trials) * 1000) / 10,
  }));
  const answer85 = forecast?.answers.find((answer) => answer.confidence === 85);
  const x85 = forecast?.mode === "how-many" ? answer85?.count : answer85?.days;

  let emptyMessage: string | null = null;
  if (failure) emptyMessage = failure;
  else if (!forecast) emptyMessage = "Simulating…";
  else if (forecast.status !== "forecast") emptyMessage = forecast.message;

  return (
    <ChartPanel
      name={name}
      title={title}
      definition={[
        "Monte Carlo: each of 10,000 simulated futures draws each day's deliveries at random from a real day of the sampled weeks, starting tomorrow.",
        reading,
      ]}
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
          label={{ value: outcome, position: "insideBottom", dy: 10 }}
        />
        <YAxis stroke={COLORS.axis} unit="%" />
        <Tooltip formatter={(value) => [`${value}% of futures`, outcome]} />
        <Bar dataKey="share" name="Share of futures" fill={COLORS.accent} isAnimationActive={false} />
        {x85 != null && <ReferenceLine x={x85} stroke={COLORS.axis} strokeDasharray="4 2" label="85%" />}
      </BarChart>
    </ChartPanel>
  );
}

function ForecastAnswers({ forecast }: { forecast: TForecast }) {
  return (
    <span className="forecast-answers" data-testid={`forecast-answers-${forecast.mode}`}>
      {forecast.answers.map((answer) => (
        <span key={answer.confidence} className="forecast-answer">
          {answer.confidence}%:{" "}
          <strong>
            {forecast.mode === "how-many"
              ? `${answer.count} or more`
              : answer.date === null
                ? "more than a year away"
                : formatDay(answer.date)}
          </strong>
          {forecast.mode === "when" && answer.days !== null && (
            <span className="forecast-days"> ({answer.days} d)</span>
          )}
        </span>
      ))}
    </span>
  );
}

function forecastTable(forecast: TForecast | null, outcome: string): DataTable {
  const bars = forecast?.status === "forecast" ? forecast.histogram : [];
  const trials = forecast?.trials ?? 1;
  return {
    columns: [outcome, "Simulated futures", "Share of futures"],
    rows: bars.map((bar) => [bar.value, bar.trials, `${((bar.trials / trials) * 100).toFixed(1)}%`]),
  };
}
