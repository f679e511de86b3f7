import type { TMetrics } from "@tideway/contracts";
import { days } from "@tideway/domain";
import {
  CartesianGrid,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { formatDay, formatDayShort, formatDuration, formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, tableText } from "./data-table";
import { daysAxis } from "./days-axis";
import { definitionsOf } from "./definitions";
import { utcMinute } from "./format-date";
import { percentileLabel } from "./percentile-label";

const TARGET_DAYS = 14;
type ScatterData = TMetrics["scatter"];

/** Delivery cycle time of every demand delivered in the window, by completion date, with its percentiles. */
export function CycleTimeScatter({ metrics, csvPrefix }: { metrics: TMetrics; csvPrefix: string }) {
  const t = useT();
  const { scatter, window } = metrics;
  const points = scatter.points.map((point) => ({
    at: Date.parse(point.completedAt),
    days: inDays(point.duration),
    key: point.key,
    title: point.title,
  }));
  const lines = [
    { name: "p50", value: scatter.p50, color: COLORS.p50 },
    { name: "p85", value: scatter.p85, color: COLORS.p85 },
    { name: "p95", value: scatter.p95, color: COLORS.p95 },
  ] as const;

  return (
    <ChartPanel
      name="scatter"
      title={t("dashboard.scatter.title")}
      definition={definitionsOf("delivery", "percentiles")}
      table={scatterTable(scatter)}
      csvPrefix={csvPrefix}
      summary={lines.map((line) => `${line.name} ${formatSeconds(line.value)}`).join(" · ")}
      emptyMessage={points.length === 0 ? t("dashboard.noneDelivered") : null}
      note={t("dashboard.scatter.note", { target: formatDuration(days(TARGET_DAYS)) })}
    >
      <ScatterChart
        responsive
        style={{ width: "100%", height: 300 }}
        margin={{ top: 10, right: 56, bottom: 4 }}
      >
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis
          dataKey="at"
          type="number"
          scale="time"
          domain={[Date.parse(window.from), Date.parse(window.to)]}
          tickFormatter={formatDayShort}
          name={t("dashboard.scatter.delivered")}
          stroke={COLORS.axis}
        />
        <YAxis
          dataKey="days"
          type="number"
          name={t("dashboard.scatter.cycleTime")}
          {...daysAxis()}
          domain={[0, "auto"]}
          niceTicks="snap125"
          stroke={COLORS.axis}
          label={{
            value: t("dashboard.axis.daysLabel"),
            angle: -90,
            position: "insideLeft",
            fill: COLORS.axis,
          }}
        />
        <ReferenceLine y={TARGET_DAYS} stroke={COLORS.goal} strokeDasharray="6 4" ifOverflow="extendDomain" />
        {lines.map((line) =>
          line.value === null ? null : (
            <ReferenceLine
              key={line.name}
              y={inDays(line.value)}
              stroke={line.color}
              strokeWidth={1.5}
              label={percentileLabel(line.name, line.name, line.color)}
            />
          ),
        )}
        <Tooltip content={DemandTooltip} cursor={{ strokeDasharray: "3 3" }} />
        <Scatter data={points} fill={COLORS.accent} isAnimationActive={false} />
      </ScatterChart>
    </ChartPanel>
  );
}

function DemandTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as { key: string; title: string; days: number; at: number } | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.key}</strong> {point.title}
      <br />
      {translate("dashboard.scatter.tooltip", {
        duration: formatDuration(days(point.days)),
        day: formatDay(point.at),
      })}
    </div>
  );
}

function scatterTable(scatter: ScatterData): DataTable {
  return {
    columns: [
      tableText("dashboard.column.demand"),
      tableText("dashboard.column.title"),
      tableText("dashboard.scatter.column.delivered"),
      tableText("dashboard.scatter.column.cycleTime"),
    ],
    rows: [...scatter.points]
      .sort((a, b) => a.completedAt.localeCompare(b.completedAt))
      .map((point) => [point.key, point.title, utcMinute(point.completedAt), inDays(point.duration)]),
  };
}
