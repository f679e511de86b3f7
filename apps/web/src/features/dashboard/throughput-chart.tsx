import { METRIC_DEFINITIONS, type TMetrics } from "@tideway/contracts";
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { formatDayShort } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import type { DataTable } from "./data-table";
import { utcMinute } from "./format-date";

type Throughput = TMetrics["throughput"];

/**
 * Demands delivered per week (Monday to Monday, UTC). The first and last
 * bars may be partial weeks where the window cuts them; the table shows
 * their exact bounds.
 */
export function ThroughputChart({
  metrics,
  rolling,
  csvPrefix,
}: {
  metrics: TMetrics;
  /** Whether the window ends now: then its last week is this week, still running. */
  rolling: boolean;
  csvPrefix: string;
}) {
  const weeks = metrics.throughput;
  const data = weeks.map((week) => ({ week: formatDayShort(week.start), count: week.count }));
  const latest = weeks.at(-1)?.count ?? 0;
  const total = weeks.reduce((sum, week) => sum + week.count, 0);

  return (
    <ChartPanel
      name="throughput"
      title="Throughput per week"
      definition={METRIC_DEFINITIONS.throughput}
      table={throughputTable(weeks)}
      csvPrefix={csvPrefix}
      summary={
        <>
          {rolling ? "This week so far" : "Last week of the window"}:{" "}
          <strong data-testid="throughput-latest-week">{latest}</strong> delivered · {total} in the window
        </>
      }
      emptyMessage={weeks.length === 0 ? "The window holds no week." : null}
    >
      <BarChart responsive style={{ width: "100%", height: 260 }} data={data} margin={{ top: 20, right: 16 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="week" stroke={COLORS.axis} />
        <YAxis stroke={COLORS.axis} allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="count" name="Delivered" fill={COLORS.accent} isAnimationActive={false}>
          <LabelList dataKey="count" position="top" fill={COLORS.axis} />
        </Bar>
      </BarChart>
    </ChartPanel>
  );
}

function throughputTable(weeks: Throughput): DataTable {
  return {
    columns: ["Week from (UTC)", "Week to (UTC)", "Delivered"],
    rows: weeks.map((week) => [utcMinute(week.start), utcMinute(week.end), week.count]),
  };
}
