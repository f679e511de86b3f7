import type { TMetrics } from "@tideway/contracts";
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { formatDayShort, formatNumber } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, tableText } from "./data-table";
import { definitionsOf } from "./definitions";
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
  const t = useT();
  const weeks = metrics.throughput;
  const data = weeks.map((week) => ({ week: formatDayShort(week.start), count: week.count }));
  const latest = weeks.at(-1)?.count ?? 0;
  const total = weeks.reduce((sum, week) => sum + week.count, 0);

  return (
    <ChartPanel
      name="throughput"
      title={t("dashboard.throughput.title")}
      definition={definitionsOf("throughput")}
      table={throughputTable(weeks)}
      csvPrefix={csvPrefix}
      summary={t("dashboard.throughput.summary", {
        rolling: rolling ? "yes" : "no",
        total: formatNumber(total, 0),
        latest: formatNumber(latest, 0),
        strong: (chunks) => <strong data-testid="throughput-latest-week">{chunks}</strong>,
      })}
      emptyMessage={weeks.length === 0 ? t("dashboard.throughput.empty") : null}
    >
      <BarChart responsive style={{ width: "100%", height: 260 }} data={data} margin={{ top: 20, right: 16 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="week" stroke={COLORS.axis} />
        <YAxis stroke={COLORS.axis} allowDecimals={false} />
        <Tooltip />
        <Bar
          dataKey="count"
          name={t("dashboard.throughput.delivered")}
          fill={COLORS.accent}
          isAnimationActive={false}
        >
          <LabelList dataKey="count" position="top" fill={COLORS.axis} />
        </Bar>
      </BarChart>
    </ChartPanel>
  );
}

function throughputTable(weeks: Throughput): DataTable {
  return {
    columns: [
      tableText("dashboard.column.weekFrom"),
      tableText("dashboard.column.weekTo"),
      tableText("dashboard.throughput.delivered"),
    ],
    rows: weeks.map((week) => [utcMinute(week.start), utcMinute(week.end), week.count]),
  };
}
