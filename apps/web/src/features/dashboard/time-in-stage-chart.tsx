import type { TMetrics, TStage } from "@tideway/contracts";
import { inProgressStages, orderStages } from "@tideway/domain";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, type TableText, tableText } from "./data-table";
import { daysAxis, daysTooltip } from "./days-axis";
import { definitionsOf } from "./definitions";

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
  const t = useT();
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
      title={t("dashboard.timeInStage.title")}
      definition={definitionsOf("timeInStage")}
      table={timeInStageTable(rows, kind)}
      csvPrefix={csvPrefix}
      summary={
        longest
          ? t("dashboard.timeInStage.longest", {
              stage: longest.name,
              duration: formatSeconds(longest.median),
            })
          : null
      }
      emptyMessage={rows.every((row) => row.demandCount === 0) ? t("dashboard.noneDelivered") : null}
      note={
        <span className="chart-legend">
          <span>
            <span className="swatch" style={{ background: COLORS.active }} aria-hidden="true" />
            {t("dashboard.timeInStage.active")}
          </span>
          <span>
            <span className="swatch" style={{ background: COLORS.queue }} aria-hidden="true" />
            {t("dashboard.timeInStage.queue")}
          </span>
        </span>
      }
    >
      <BarChart responsive style={{ width: "100%", height: 260 }} data={data} margin={{ top: 20, right: 16 }}>
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis dataKey="stage" stroke={COLORS.axis} interval={0} />
        <YAxis stroke={COLORS.axis} {...daysAxis()} domain={[0, "auto"]} niceTicks="snap125" />
        <Tooltip formatter={daysTooltip} />
        <Bar dataKey="days" name={t("dashboard.median")} isAnimationActive={false}>
          {data.map((row) => (
            <Cell key={row.stage} fill={row.queue ? COLORS.queue : COLORS.active} />
          ))}
          <LabelList dataKey="days" position="top" fill={COLORS.axis} />
        </Bar>
      </BarChart>
    </ChartPanel>
  );
}

/** A stage's kind: the machine name in the CSV ("queue"), in words on screen. */
function stageKindText(kind: TStage["kind"] | undefined): TableText | string {
  return kind ? { csv: kind, shown: translate("dashboard.stageKind", { kind }) } : "";
}

function timeInStageTable(rows: TimeInStage, kind: Map<string, TStage["kind"]>): DataTable {
  return {
    columns: [
      tableText("dashboard.column.stage"),
      tableText("dashboard.column.kind"),
      tableText("dashboard.column.demands"),
      tableText("dashboard.column.medianDays"),
      tableText("dashboard.column.totalDays"),
    ],
    rows: rows.map((row) => [
      row.name,
      stageKindText(kind.get(row.stageId)),
      row.demandCount,
      row.median === null ? null : inDays(row.median),
      inDays(row.total),
    ]),
  };
}
