import { INSIGHT_DEFINITIONS, type TBoardInsights } from "@tideway/contracts";
import { Bar, LabelList, Tooltip, YAxis } from "recharts";
import { formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import type { DataTable } from "./data-table";
import { StageBars, SwatchLegend } from "./stage-bars";

type StuckFlow = TBoardInsights["stuckFlow"];

const perDay = (value: number) => `${value > 0 ? "+" : ""}${(Math.round(value * 100) / 100).toFixed(2)}`;

const LEGEND = [
  ["Median time", COLORS.p50],
  ["p85 time", COLORS.p85],
  ["Arrivals", COLORS.accent],
  ["Departures", COLORS.goal],
] as const;

/** One sentence a lead can act on: where work waits longest and which queue grows. */
function stuckFlowConclusion(stuck: StuckFlow): string {
  const wait = stuck.stages.find((stage) => stage.stageId === stuck.longestWait);
  const queue = stuck.stages.find((stage) => stage.stageId === stuck.fastestGrowingQueue);
  const days = stuck.windowDays;
  if (!wait) return `No committed work moved through the board in the last ${days} days.`;
  const waiting = `Work waits longest in ${wait.name} (p85 ${formatSeconds(wait.p85Time)}, median ${formatSeconds(wait.medianTime)})`;
  if (!queue) return `${waiting}; no stage's queue grew in the last ${days} days.`;
  const growth = `${queue.arrivals} in, ${queue.departures} out in ${days} days (${perDay(queue.netGrowthPerDay)} a day)`;
  return queue.stageId === wait.stageId
    ? `${waiting}, and its queue grows fastest: ${growth}.`
    : `${waiting}; the ${queue.name} queue grows fastest: ${growth}.`;
}

/** Where flow is stuck over the last two weeks, with the time-in-stage and arrival/departure evidence. */
export function InsightStuckFlow({ stuck, csvPrefix }: { stuck: StuckFlow; csvPrefix: string }) {
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
      title="Where flow is stuck"
      definition={INSIGHT_DEFINITIONS.stuckFlow}
      table={stuckFlowTable(stuck)}
      csvPrefix={csvPrefix}
      summary={<span data-testid="stuck-flow-conclusion">{stuckFlowConclusion(stuck)}</span>}
      emptyMessage={
        stuck.stages.every((stage) => stage.demandCount === 0)
          ? "No committed work in the last two weeks."
          : null
      }
      note={<SwatchLegend entries={LEGEND} />}
    >
      <div className="insight-charts">
        <figure>
          <figcaption>Time in stage (days)</figcaption>
          <StageBars data={data} height={220}>
            <YAxis stroke={COLORS.axis} unit=" d" domain={[0, "auto"]} />
            <Tooltip formatter={(value, name) => [`${String(value)} days`, name]} />
            <Bar dataKey="median" name="Median" fill={COLORS.p50} isAnimationActive={false} />
            <Bar dataKey="p85" name="p85" fill={COLORS.p85} isAnimationActive={false}>
              <LabelList dataKey="p85" position="top" fill={COLORS.axis} />
            </Bar>
          </StageBars>
        </figure>
        <figure>
          <figcaption>Arrivals vs departures</figcaption>
          <StageBars data={data} height={220}>
            <YAxis stroke={COLORS.axis} allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="arrivals" name="Arrivals" fill={COLORS.accent} isAnimationActive={false} />
            <Bar dataKey="departures" name="Departures" fill={COLORS.goal} isAnimationActive={false} />
          </StageBars>
        </figure>
      </div>
    </ChartPanel>
  );
}

function stuckFlowTable(stuck: StuckFlow): DataTable {
  return {
    columns: [
      "Stage",
      "Demands",
      "Still there",
      "Median time (days)",
      "p85 time (days)",
      "Arrivals",
      "Departures",
      "Net growth a day",
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
