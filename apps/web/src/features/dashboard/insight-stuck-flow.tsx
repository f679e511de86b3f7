import { INSIGHT_DEFINITIONS, type TBoardInsights } from "@tideway/contracts";
import { ChartPanel } from "./chart-panel";
import type { DataTable } from "./data-table";
import { formatDuration, inDays } from "./format-duration";

type StuckFlow = TBoardInsights["stuckFlow"];

const perDay = (value: number) => `${value > 0 ? "+" : ""}${(Math.round(value * 100) / 100).toFixed(2)}`;

/** One sentence a lead can act on: where work waits longest and which queue grows. */
export function stuckFlowConclusion(stuck: StuckFlow): string {
  const wait = stuck.stages.find((stage) => stage.stageId === stuck.longestWait);
  const queue = stuck.stages.find((stage) => stage.stageId === stuck.fastestGrowingQueue);
  const days = stuck.windowDays;
  if (!wait) return `No committed work moved through the board in the last ${days} days.`;
  const waiting = `Work waits longest in ${wait.name} (p85 ${formatDuration(wait.p85Time)}, median ${formatDuration(wait.medianTime)})`;
  if (!queue) return `${waiting}; no stage's queue grew in the last ${days} days.`;
  const growth = `${queue.arrivals} in, ${queue.departures} out in ${days} days (${perDay(queue.netGrowthPerDay)} a day)`;
  return queue.stageId === wait.stageId
    ? `${waiting}, and its queue grows fastest: ${growth}.`
    : `${waiting}; the ${queue.name} queue grows fastest: ${growth}.`;
}

/** Where flow is stuck over the last two weeks, with the time-in-stage and arrival/departure evidence. */
export function InsightStuckFlow({ stuck, csvPrefix }: { stuck: StuckFlow; csvPrefix: string }) {
  return (
    <ChartPanel
      name="stuck-flow"
      title="Where flow is stuck"
      definition={INSIGHT_DEFINITIONS.stuckFlow}
      table={stuckFlowTable(stuck)}
      csvPrefix={csvPrefix}
      summary={<span data-testid="stuck-flow-conclusion">{stuckFlowConclusion(stuck)}</span>}
    >
      <table className="insight-table">
        <caption className="muted">Last {stuck.windowDays} days, committed stages</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Demands</th>
            <th scope="col">Still there</th>
            <th scope="col">Median time</th>
            <th scope="col">p85 time</th>
            <th scope="col">Arrivals</th>
            <th scope="col">Departures</th>
            <th scope="col">Net a day</th>
          </tr>
        </thead>
        <tbody>
          {stuck.stages.map((stage) => {
            const marks = [
              stage.stageId === stuck.longestWait ? "longest wait" : null,
              stage.stageId === stuck.fastestGrowingQueue ? "fastest-growing queue" : null,
            ].filter((mark) => mark !== null);
            return (
              <tr key={stage.stageId} className={marks.length > 0 ? "insight-flagged" : undefined}>
                <th scope="row">
                  {stage.name}
                  {marks.length > 0 && <span className="insight-mark"> ({marks.join(", ")})</span>}
                </th>
                <td>{stage.demandCount}</td>
                <td>{stage.stillThere}</td>
                <td>{formatDuration(stage.medianTime)}</td>
                <td>{formatDuration(stage.p85Time)}</td>
                <td>{stage.arrivals}</td>
                <td>{stage.departures}</td>
                <td>{perDay(stage.netGrowthPerDay)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
