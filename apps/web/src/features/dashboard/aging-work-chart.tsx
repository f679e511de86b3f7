import type { TMetrics, TStage } from "@tideway/contracts";
import { days, inProgressStages, orderStages } from "@tideway/domain";
import {
  CartesianGrid,
  ReferenceLine,
  Scatter,
  ScatterChart,
  type ScatterShapeProps,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { formatDuration, formatNumber, formatSeconds, inDays } from "../../ui/format";
import { AGING_STATUS_COLOR, AGING_STATUS_LABEL, type AgingStatus, COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, tableText } from "./data-table";
import { daysAxis } from "./days-axis";
import { definitionsOf } from "./definitions";
import { utcMinute } from "./format-date";
import { percentileLabel } from "./percentile-label";
import { StageTick } from "./stage-tick";

type AgingItem = TMetrics["aging"][number];
interface AgingPoint {
  x: number;
  days: number;
  key: string;
  title: string;
  stage: string;
  blocked: boolean;
  status: AgingStatus;
}

/**
 * Work item age: every demand in progress as a dot in its current stage's
 * column, as old as the time since its commitment, against the service
 * level expectation (p50 and p85 of the delivery cycle time). Colored by how
 * it compares; a blocked demand is drawn as a ringed diamond.
 */
export function AgingWorkChart({
  metrics,
  stages,
  csvPrefix,
}: {
  metrics: TMetrics;
  stages: readonly TStage[];
  csvPrefix: string;
}) {
  const t = useT();
  const { aging, serviceLevelExpectation: sle } = metrics;
  const columns = agingColumns(stages, aging);
  const points = agingPoints(aging, columns);
  const beyond = aging.filter((item) => item.status === "beyond-sle").length;
  const blocked = aging.filter((item) => item.blocked).length;
  const statuses = (Object.keys(AGING_STATUS_COLOR) as AgingStatus[]).filter((status) =>
    points.some((point) => point.status === status),
  );

  return (
    <ChartPanel
      name="aging"
      title={t("dashboard.aging.title")}
      definition={definitionsOf("aging")}
      table={agingTable(aging, columns)}
      csvPrefix={csvPrefix}
      summary={t("dashboard.aging.summary", {
        inProgress: formatNumber(aging.length),
        beyond: formatNumber(beyond),
        blocked: formatNumber(blocked),
        p50: formatSeconds(sle.p50),
        p85: formatSeconds(sle.p85),
      })}
      emptyMessage={aging.length === 0 ? t("dashboard.aging.empty") : null}
      note={
        <span className="chart-legend">
          {statuses.map((status) => (
            <span key={status}>
              <span
                className="swatch"
                style={{ background: AGING_STATUS_COLOR[status] }}
                aria-hidden="true"
              />
              {t(AGING_STATUS_LABEL[status])}
            </span>
          ))}
          <span>
            <span className="swatch swatch-blocked" aria-hidden="true" />
            {t("card.blocked")}
          </span>
        </span>
      }
    >
      <ScatterChart
        responsive
        style={{ width: "100%", height: 300 }}
        margin={{ top: 10, right: 56, bottom: 4 }}
      >
        <CartesianGrid stroke={COLORS.grid} vertical={false} />
        <XAxis
          dataKey="x"
          type="number"
          domain={[-0.5, columns.length - 0.5]}
          ticks={columns.map((_, index) => index)}
          tickFormatter={(index: number) => columns[index]?.name ?? ""}
          interval={0}
          height={64}
          tick={<StageTick names={columns.map((column) => column.name)} />}
          stroke={COLORS.axis}
        />
        <YAxis
          dataKey="days"
          type="number"
          name={t("dashboard.aging.age")}
          {...daysAxis()}
          domain={[0, "auto"]}
          niceTicks="snap125"
          stroke={COLORS.axis}
          label={{
            value: t("dashboard.aging.axis"),
            angle: -90,
            position: "insideLeft",
            fill: COLORS.axis,
            dy: 70,
          }}
        />
        {sle.p50 !== null && (
          <ReferenceLine
            y={inDays(sle.p50)}
            stroke={COLORS.p50}
            strokeDasharray="5 4"
            label={percentileLabel("p50", "p50", COLORS.p50)}
          />
        )}
        {sle.p85 !== null && (
          <ReferenceLine
            y={inDays(sle.p85)}
            stroke={AGING_STATUS_COLOR["beyond-sle"]}
            strokeWidth={1.5}
            ifOverflow="extendDomain"
            label={percentileLabel("p85", "SLE p85", AGING_STATUS_COLOR["beyond-sle"])}
          />
        )}
        <Tooltip content={AgingTooltip} cursor={{ strokeDasharray: "3 3" }} />
        <Scatter data={points} shape={AgingDot} isAnimationActive={false} />
      </ScatterChart>
    </ChartPanel>
  );
}

/** The columns of the chart: the board's stages of work in progress (`inProgressStages`, as the server reads them). */
function agingColumns(
  stages: readonly TStage[],
  aging: readonly AgingItem[],
): { id: string; name: string }[] {
  const inFlow = inProgressStages(orderStages(stages));
  const known = new Set(inFlow.map((stage) => stage.id));
  // A stage the outline does not know yet (renamed or added a moment ago) still gets a column.
  const unknown = [...new Set(aging.map((item) => item.stageId))].filter((id) => !known.has(id));
  return [...inFlow, ...unknown.map((id) => ({ id, name: translate("dashboard.aging.otherStage") }))];
}

/** Spreads the dots of one column sideways a little, so demands of the same age stay distinguishable. */
function agingPoints(
  aging: readonly AgingItem[],
  columns: readonly { id: string; name: string }[],
): AgingPoint[] {
  const seen = new Map<string, number>();
  return aging.map((item) => {
    const column = columns.findIndex((stage) => stage.id === item.stageId);
    const nth = seen.get(item.stageId) ?? 0;
    seen.set(item.stageId, nth + 1);
    const offset = ((nth % 7) - 3) * 0.07;
    return {
      x: column + offset,
      days: inDays(item.age),
      key: item.key,
      title: item.title,
      stage: columns[column]?.name ?? "",
      blocked: item.blocked,
      status: item.status,
    };
  });
}

function AgingDot(props: ScatterShapeProps) {
  const { cx, cy } = props;
  const point = props.payload as AgingPoint | undefined;
  if (cx === undefined || cy === undefined || !point) return <g />;
  const color = AGING_STATUS_COLOR[point.status];
  if (point.blocked) {
    return (
      <g className="aging-dot" data-blocked="true">
        <path
          d={`M ${cx} ${cy - 8} L ${cx + 8} ${cy} L ${cx} ${cy + 8} L ${cx - 8} ${cy} Z`}
          fill={color}
          stroke="#1b2330"
          strokeWidth={2}
        />
      </g>
    );
  }
  return (
    <g className="aging-dot">
      <circle cx={cx} cy={cy} r={5.5} fill={color} stroke="#fff" strokeWidth={1} />
    </g>
  );
}

function AgingTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as AgingPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.key}</strong> {point.title}
      <br />
      {translate("dashboard.aging.tooltip", {
        age: formatDuration(days(point.days)),
        stage: point.stage,
        blocked: point.blocked ? "yes" : "no",
      })}
      <br />
      {translate(AGING_STATUS_LABEL[point.status])}
    </div>
  );
}

function agingTable(
  aging: readonly AgingItem[],
  columns: readonly { id: string; name: string }[],
): DataTable {
  const stageName = new Map(columns.map((stage) => [stage.id, stage.name]));
  return {
    columns: [
      tableText("dashboard.column.demand"),
      tableText("dashboard.column.title"),
      tableText("dashboard.column.stage"),
      tableText("dashboard.aging.column.committed"),
      tableText("dashboard.aging.column.age"),
      tableText("dashboard.aging.column.status"),
      tableText("dashboard.aging.column.blocked"),
    ],
    rows: aging.map((item) => [
      item.key,
      item.title,
      stageName.get(item.stageId) ?? "",
      utcMinute(item.committedAt),
      inDays(item.age),
      tableText(AGING_STATUS_LABEL[item.status]),
      tableText("dashboard.yesNo", { yes: item.blocked ? "yes" : "no" }),
    ]),
  };
}
