import { INSIGHT_DEFINITIONS, type TBoardInsights } from "@tideway/contracts";
import { Bar, LabelList, Tooltip, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import type { DataTable } from "./data-table";
import { StageBars, SwatchLegend } from "./stage-bars";

type WipAdvice = TBoardInsights["wipAdvice"];

const limitText = (limit: number | null) => (limit === null ? "none" : String(limit));
const rate = (perDay: number) => String(Math.round(perDay * 100) / 100);

/** Advised WIP limits from Little's law beside each stage's current limit; nothing is applied. */
export function InsightWipAdvice({ advice, csvPrefix }: { advice: WipAdvice; csvPrefix: string }) {
  const t = useT();
  const differing = advice.stages.filter(
    (stage) => stage.advisedLimit !== null && stage.advisedLimit !== stage.currentLimit,
  );
  const data = advice.stages.map((stage) => ({
    stage: stage.name,
    current: stage.currentLimit,
    advised: stage.advisedLimit,
  }));
  const summary =
    differing.length === 0
      ? `The current limits match what the team's throughput (last ${advice.weeks} weeks) and the 2-1-1 targets suggest.`
      : `From the last ${advice.weeks} weeks' throughput, Little's law suggests other limits for ${differing.map((stage) => stage.name).join(", ")}; change them in the board's settings if the team agrees.`;
  return (
    <ChartPanel
      name="wip-advice"
      title="WIP limit advice"
      definition={INSIGHT_DEFINITIONS.wipAdvice}
      table={wipAdviceTable(advice)}
      csvPrefix={csvPrefix}
      summary={summary}
      note={
        <SwatchLegend
          entries={[
            ["Current limit", COLORS.p50],
            ["Advised limit", COLORS.accent],
          ]}
        />
      }
    >
      <StageBars data={data} height={240}>
        <YAxis stroke={COLORS.axis} allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="current" name="Current limit" fill={COLORS.p50} isAnimationActive={false}>
          <LabelList dataKey="current" position="top" fill={COLORS.axis} />
        </Bar>
        <Bar dataKey="advised" name="Advised limit" fill={COLORS.accent} isAnimationActive={false}>
          <LabelList dataKey="advised" position="top" fill={COLORS.axis} />
        </Bar>
      </StageBars>
      <ul className="wip-advice-list">
        {advice.stages.map((stage) => (
          <li key={stage.stageId} data-testid={`wip-advice-${stage.name}`}>
            <strong>{stage.name}</strong>: limit{" "}
            <span data-field="current">{limitText(stage.currentLimit)}</span>, advised{" "}
            <span data-field="advised">{stage.advisedLimit ?? "no history"}</span>{" "}
            <span className="muted">
              {t("wipAdvice.basis", {
                rate: rate(stage.throughputPerDay),
                target: formatSeconds(stage.targetTime),
                group: stage.group,
                medianStay: formatSeconds(stage.historicalTime),
              })}
            </span>
          </li>
        ))}
      </ul>
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
      "Median stay (days)",
      "Share of target",
    ],
    rows: advice.stages.map((stage) => [
      stage.name,
      stage.currentLimit,
      stage.advisedLimit,
      Math.round(stage.throughputPerDay * 1000) / 1000,
      stage.targetTime === null ? null : inDays(stage.targetTime),
      stage.historicalTime === null ? null : inDays(stage.historicalTime),
      stage.share === null ? null : Math.round(stage.share * 1000) / 1000,
    ]),
  };
}
