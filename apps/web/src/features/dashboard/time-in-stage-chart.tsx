import { METRIC_DEFINITIONS, type TMetrics, type TStage } from "@tideway/contracts";
import { inProgressStages, orderStages } from "@tideway/domain";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import type { DataTable } from "./data-table";

type TimeInStage = TMetrics["timeInStage"];

/**
 * Median time per stage of the demands delivered in the window: the tallest
 * bar is where work waits. Queue stages (waiting by design) are amber,
 * active stages blue.
 */
export function TimeInStageChart({
  metrics,
  stages,
  csvPrefix,
}: {
  metrics: TMetrics;
  stages: readonly TStage[];
  csvPrefix: string;
}) {
  const kind = new Map(stages.map((stage) => [stage.id, stage.kind]));
  const rows = metrics.timeInStage;
  const data = rows.map((row) => ({
    stage: row.name,
    days: row.median === null ? 0 : inDays(row.median),
    queue: kind.get(row.stageId) === "queue",
  }));
  // Where work waits: the committed stages only, as the stuck-flow panel reads it (METRIC_DEFINITIONS).
  const committed = new Set(inProgressStages(orderStages(stages)).map((stage) => stage.id));
  const longest = rows.reduce<TimeInStage[number] | null>(
    (top, row) =>
      committed.has(row.stageId) && row.median !== null && (top?.median ?? -1) < row.median ? row : top,
    null,
  );

  return (
    <ChartPanel
      name="time-in-stage"
      title="Time in stage"
      definition={METRIC_DEFINITIONS.timeInStage}
      table={timeInStageTable(rows, kind)}
      csvPrefix={csvPrefix}
      summary={longest ? `Longest median stay: ${longest.name}, ${formatSeconds(longest.median)}` : null}
      emptyMessage={
        rows.every((row) => row.demandCount === 0) ? "No demand was delivered in this window." : null
      }
      note={
        <span className="chart-legend">
          <span>
            <span className="swatch" style={{ background: COLORS.active }} aria-hidden="true" />
            Active stage
          </span>
          <span>
            <span className="swatch" style={{ background: COLORS.queue }} aria-hidden="true" />
            Queue stage (waiting)
          </span>
        </span>
      }
    >
      <BarChart responsive style={{ width: "100%", height: 260 }} data={data} margin={{ top: 20, right: 16 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="stage" stroke={COLORS.axis} interval={0} />
        <YAxis stroke={COLORS.axis} unit=" d" domain={[0, "auto"]} niceTicks="snap125" />
        <Tooltip formatter={(value) => [`${String(value)} days`, "Median"]} />
        <Bar dataKey="days" name="Median days" isAnimationActive={false}>
          {data.map((row) => (
            <Cell key={row.stage} fill={row.queue ? COLORS.queue : COLORS.active} />
          ))}
          <LabelList dataKey="days" position="top" fill={COLORS.axis} />
        </Bar>
      </BarChart>
    </ChartPanel>
  );
}

function timeInStageTable(rows: TimeInStage, kind: Map<string, TStage["kind"]>): DataTable {
  return {
    columns: ["Stage", "Kind", "Demands", "Median (days)", "Total (days)"],
    rows: rows.map((row) => [
      row.name,
      kind.get(row.stageId) ?? "",
      row.demandCount,
      row.median === null ? null : inDays(row.median),
      inDays(row.total),
    ]),
  };
}
