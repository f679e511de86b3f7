import type { TMetrics } from "@tideway/contracts";
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { formatDayShort, formatNumber } from "../../ui/format";
import { COLORS, stageColor } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, tableText } from "./data-table";
import { definitionsOf } from "./definitions";
import { isoDay } from "./format-date";

type CumulativeFlow = TMetrics["cfd"];

/**
 * Cumulative flow: one stacked band per stage, Done at the bottom and the
 * board's first stage on top, so each band's height is what sits in that
 * stage on that day and the top edge is everything on the board.
 */
export function CumulativeFlowChart({ metrics, csvPrefix }: { metrics: TMetrics; csvPrefix: string }) {
  const t = useT();
  const { cfd } = metrics;
  const lastIndex = cfd.stages.length - 1;
  const data = cfd.days.map((day, index) => {
    const row: Record<string, number | string> = { day: formatDayShort(day) };
    for (const stage of cfd.stages) row[stage.stageId] = stage.band[index] ?? 0;
    return row;
  });
  // Recharts stacks in render order from the bottom up: render the last stage (Done) first.
  const bottomUp = cfd.stages.map((stage, position) => ({ ...stage, position })).reverse();
  const position = new Map(cfd.stages.map((stage, index) => [stage.stageId, index]));
  const today = cfd.stages
    .map((stage) =>
      t("dashboard.cfd.stageCount", { stage: stage.name, count: formatNumber(stage.band.at(-1) ?? 0) }),
    )
    .join(" · ");

  return (
    <ChartPanel
      name="cfd"
      title={t("dashboard.cfd.title")}
      definition={definitionsOf("cfd")}
      table={cumulativeFlowTable(cfd)}
      csvPrefix={csvPrefix}
      summary={cfd.days.length > 0 ? t("dashboard.cfd.lastDay", { counts: today }) : null}
      emptyMessage={cfd.days.length === 0 ? t("dashboard.cfd.empty") : null}
      note={t("dashboard.cfd.note")}
    >
      <AreaChart
        responsive
        style={{ width: "100%", height: 300 }}
        data={data}
        margin={{ top: 10, right: 16 }}
      >
        <CartesianGrid stroke={COLORS.grid} />
        <XAxis dataKey="day" stroke={COLORS.axis} minTickGap={16} />
        <YAxis stroke={COLORS.axis} allowDecimals={false} />
        <Tooltip itemSorter={(item) => position.get(String(item.dataKey)) ?? 0} />
        <Legend
          itemSorter={(item) => position.get(String(item.dataKey)) ?? 0}
          formatter={(value) => <span className="legend-text">{value}</span>}
        />
        {bottomUp.map((stage) => {
          const color = stageColor(stage.position, stage.position === lastIndex);
          return (
            <Area
              key={stage.stageId}
              dataKey={stage.stageId}
              name={stage.name}
              stackId="cfd"
              type="linear"
              stroke={color}
              fill={color}
              fillOpacity={0.75}
              isAnimationActive={false}
            />
          );
        })}
      </AreaChart>
    </ChartPanel>
  );
}

function cumulativeFlowTable(cfd: CumulativeFlow): DataTable {
  return {
    columns: [
      tableText("dashboard.column.day"),
      ...cfd.stages.map((stage) => tableText("dashboard.cfd.inStage", { stage: stage.name })),
      tableText("dashboard.cfd.onBoard"),
    ],
    rows: cfd.days.map((day, index) => [
      isoDay(day),
      ...cfd.stages.map((stage) => stage.band[index] ?? 0),
      cfd.onBoard[index] ?? 0,
    ]),
  };
}
