import type { TBoardInsights } from "@tideway/contracts";
import { Bar, LabelList, Tooltip, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { formatList, formatNumber, formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, tableText } from "./data-table";
import { definitionsOf } from "./definitions";
import { StageBars, SwatchLegend } from "./stage-bars";

type WipAdvice = TBoardInsights["wipAdvice"];

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
      ? t("dashboard.wipAdvice.matches", { weeks: advice.weeks })
      : t("dashboard.wipAdvice.differs", {
          weeks: advice.weeks,
          stages: formatList(differing.map((stage) => stage.name)),
        });
  return (
    <ChartPanel
      name="wip-advice"
      title={t("dashboard.wipAdvice.title")}
      definition={definitionsOf("wipAdvice")}
      table={wipAdviceTable(advice)}
      csvPrefix={csvPrefix}
      summary={summary}
      note={
        <SwatchLegend
          entries={[
            [t("dashboard.wipAdvice.current"), COLORS.p50],
            [t("dashboard.wipAdvice.advised"), COLORS.accent],
          ]}
        />
      }
    >
      <StageBars data={data} height={240}>
        <YAxis stroke={COLORS.axis} allowDecimals={false} />
        <Tooltip />
        <Bar
          dataKey="current"
          name={t("dashboard.wipAdvice.current")}
          fill={COLORS.p50}
          isAnimationActive={false}
        >
          <LabelList dataKey="current" position="top" fill={COLORS.axis} />
        </Bar>
        <Bar
          dataKey="advised"
          name={t("dashboard.wipAdvice.advised")}
          fill={COLORS.accent}
          isAnimationActive={false}
        >
          <LabelList dataKey="advised" position="top" fill={COLORS.axis} />
        </Bar>
      </StageBars>
      <ul className="wip-advice-list">
        {advice.stages.map((stage) => (
          <li key={stage.stageId} data-testid={`wip-advice-${stage.name}`}>
            {t("dashboard.wipAdvice.line", {
              stage: stage.name,
              b: (chunks) => <strong>{chunks}</strong>,
              current: (chunks) => <span data-field="current">{chunks}</span>,
              advised: (chunks) => <span data-field="advised">{chunks}</span>,
              currentLimit:
                stage.currentLimit === null
                  ? t("dashboard.wipAdvice.noLimit")
                  : formatNumber(stage.currentLimit),
              advisedLimit:
                stage.advisedLimit === null
                  ? t("dashboard.wipAdvice.noHistory")
                  : formatNumber(stage.advisedLimit),
            })}{" "}
            <span className="muted">
              {t("wipAdvice.basis", {
                rate: formatNumber(stage.throughputPerDay, 2),
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
      tableText("dashboard.column.stage"),
      tableText("dashboard.wipAdvice.current"),
      tableText("dashboard.wipAdvice.advised"),
      tableText("dashboard.wipAdvice.column.throughput"),
      tableText("dashboard.wipAdvice.column.target"),
      tableText("dashboard.wipAdvice.column.medianStay"),
      tableText("dashboard.wipAdvice.column.share"),
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
