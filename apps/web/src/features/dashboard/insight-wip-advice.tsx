import { INSIGHT_DEFINITIONS, type TBoardInsights } from "@tideway/contracts";
import { ChartPanel } from "./chart-panel";
import type { DataTable } from "./data-table";
import { formatDuration, inDays } from "./format-duration";

type WipAdvice = TBoardInsights["wipAdvice"];

const limitText = (limit: number | null) => (limit === null ? "none" : String(limit));
const rate = (perDay: number) => String(Math.round(perDay * 100) / 100);

/** Advised WIP limits from Little's law beside each stage's current limit; nothing is applied. */
export function InsightWipAdvice({ advice, csvPrefix }: { advice: WipAdvice; csvPrefix: string }) {
  const differing = advice.stages.filter(
    (stage) => stage.advisedLimit !== null && stage.advisedLimit !== stage.currentLimit,
  );
  const summary =
    differing.length === 0
      ? "The current limits match what the team's throughput and the 2-1-1 targets suggest."
      : `Little's law suggests other limits for ${differing.map((stage) => stage.name).join(", ")}; change them in the board's settings if the team agrees.`;
  return (
    <ChartPanel
      name="wip-advice"
      title="WIP limit advice"
      definition={INSIGHT_DEFINITIONS.wipAdvice}
      table={wipAdviceTable(advice)}
      csvPrefix={csvPrefix}
      summary={summary}
    >
      <table className="insight-table">
        <caption className="muted">Throughput over the last {advice.weeks} weeks</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Current limit</th>
            <th scope="col">Advised limit</th>
            <th scope="col">Throughput a day</th>
            <th scope="col">Target time in stage</th>
          </tr>
        </thead>
        <tbody>
          {advice.stages.map((stage) => (
            <tr key={stage.stageId} data-testid={`wip-advice-${stage.name}`}>
              <th scope="row">{stage.name}</th>
              <td>{limitText(stage.currentLimit)}</td>
              <td
                className={
                  stage.advisedLimit !== null && stage.advisedLimit !== stage.currentLimit
                    ? "insight-flagged"
                    : undefined
                }
              >
                {stage.advisedLimit ?? "no history"}
              </td>
              <td>{rate(stage.throughputPerDay)}</td>
              <td>
                {formatDuration(stage.targetTime)}
                <span className="muted">
                  {" "}
                  of the {stage.group === "development" ? "development" : "delivery"} target
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartPanel>
  );
}

function wipAdviceTable(advice: WipAdvice): DataTable {
  return {
    columns: [
      "Stage",
      "Current limit",
      "Advised limit",
      "Throughput a day",
      "Target time in stage (days)",
      "Share of target",
    ],
    rows: advice.stages.map((stage) => [
      stage.name,
      stage.currentLimit,
      stage.advisedLimit,
      Math.round(stage.throughputPerDay * 1000) / 1000,
      stage.targetTime === null ? null : inDays(stage.targetTime),
      stage.share === null ? null : Math.round(stage.share * 1000) / 1000,
    ]),
  };
}
