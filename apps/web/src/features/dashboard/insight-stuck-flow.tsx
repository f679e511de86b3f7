import type { TBoardInsights } from "@tideway/contracts";
import { Bar, LabelList, Tooltip, YAxis } from "recharts";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { formatNumber, formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, tableText } from "./data-table";
import { daysAxis, daysTooltip } from "./days-axis";
import { definitionsOf } from "./definitions";
import { StageBars, SwatchLegend } from "./stage-bars";

type StuckFlow = TBoardInsights["stuckFlow"];

/** A queue's growth a day with its sign: "+0.25", "-1.5". */
const perDay = (value: number) => `${value > 0 ? "+" : ""}${formatNumber(Math.round(value * 100) / 100, 2)}`;

/** One sentence a lead can act on: where work waits longest and which queue grows. */
function stuckFlowConclusion(stuck: StuckFlow): string {
  const wait = stuck.stages.find((stage) => stage.stageId === stuck.longestWait);
  const queue = stuck.stages.find((stage) => stage.stageId === stuck.fastestGrowingQueue);
  const days = stuck.windowDays;
  if (!wait) return translate("dashboard.stuckFlow.nothingMoved", { days });
  return translate("dashboard.stuckFlow.conclusion", {
    wait: wait.name,
    p85: formatSeconds(wait.p85Time),
    median: formatSeconds(wait.medianTime),
    queue: queue ? (queue.stageId === wait.stageId ? "same" : "other") : "none",
    queueName: queue?.name ?? "",
    arrivals: formatNumber(queue?.arrivals ?? 0),
    departures: formatNumber(queue?.departures ?? 0),
    perDay: perDay(queue?.netGrowthPerDay ?? 0),
    days,
  });
}

/** Where flow is stuck over the last two weeks, with the time-in-stage and arrival/departure evidence. */
export function InsightStuckFlow({ stuck, csvPrefix }: { stuck: StuckFlow; csvPrefix: string }) {
  const t = useT();
  const data = stuck.stages.map((stage) => ({
    stage: stage.name,
    median: stage.medianTime === null ? 0 : inDays(stage.medianTime),
    p85: stage.p85Time === null ? 0 : inDays(stage.p85Time),
    arrivals: stage.arrivals,
    departures: stage.departures,
  }));
  return (
    <ChartPanel
      name="stuck-flow"
      title={t("dashboard.stuckFlow.title")}
      definition={definitionsOf("stuckFlow")}
      table={stuckFlowTable(stuck)}
      csvPrefix={csvPrefix}
      summary={<span data-testid="stuck-flow-conclusion">{stuckFlowConclusion(stuck)}</span>}
      emptyMessage={
        stuck.stages.every((stage) => stage.demandCount === 0) ? t("dashboard.stuckFlow.empty") : null
      }
      note={
        <SwatchLegend
          entries={[
            [t("dashboard.stuckFlow.medianTime"), COLORS.p50],
            [t("dashboard.stuckFlow.p85Time"), COLORS.p85],
            [t("dashboard.stuckFlow.arrivals"), COLORS.accent],
            [t("dashboard.stuckFlow.departures"), COLORS.goal],
          ]}
        />
      }
    >
      <div className="insight-charts">
        <figure>
          <figcaption>{t("dashboard.stuckFlow.timeInStage")}</figcaption>
          <StageBars data={data} height={220}>
            <YAxis stroke={COLORS.axis} {...daysAxis()} domain={[0, "auto"]} />
            <Tooltip formatter={daysTooltip} />
            <Bar dataKey="median" name={t("dashboard.median")} fill={COLORS.p50} isAnimationActive={false} />
            <Bar dataKey="p85" name="p85" fill={COLORS.p85} isAnimationActive={false}>
              <LabelList dataKey="p85" position="top" fill={COLORS.axis} />
            </Bar>
          </StageBars>
        </figure>
        <figure>
          <figcaption>{t("dashboard.stuckFlow.arrivalsVsDepartures")}</figcaption>
          <StageBars data={data} height={220}>
            <YAxis stroke={COLORS.axis} allowDecimals={false} />
            <Tooltip />
            <Bar
              dataKey="arrivals"
              name={t("dashboard.stuckFlow.arrivals")}
              fill={COLORS.accent}
              isAnimationActive={false}
            />
            <Bar
              dataKey="departures"
              name={t("dashboard.stuckFlow.departures")}
              fill={COLORS.goal}
              isAnimationActive={false}
            />
          </StageBars>
        </figure>
      </div>
    </ChartPanel>
  );
}

function stuckFlowTable(stuck: StuckFlow): DataTable {
  return {
    columns: [
      tableText("dashboard.column.stage"),
      tableText("dashboard.column.demands"),
      tableText("dashboard.stuckFlow.column.stillThere"),
      tableText("dashboard.stuckFlow.column.median"),
      tableText("dashboard.stuckFlow.column.p85"),
      tableText("dashboard.stuckFlow.arrivals"),
      tableText("dashboard.stuckFlow.departures"),
      tableText("dashboard.stuckFlow.column.netGrowth"),
    ],
    rows: stuck.stages.map((stage) => [
      stage.name,
      stage.demandCount,
      stage.stillThere,
      stage.medianTime === null ? null : inDays(stage.medianTime),
      stage.p85Time === null ? null : inDays(stage.p85Time),
      stage.arrivals,
      stage.departures,
      Math.round(stage.netGrowthPerDay * 100) / 100,
    ]),
  };
}
