import type { TPortfolioMetrics } from "@tideway/contracts";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { formatDayShort } from "../../ui/format";
import { COLORS } from "../dashboard/chart-colors";
import { ChartKey, chartFrame, PortfolioPanel, teamColor } from "./portfolio-panel";

/**
 * Deliveries per week (Monday to Monday, UTC) over the 12 weeks, one stacked
 * bar per week with a part per team: the bar's height is the organisation's
 * throughput. The first and last weeks may be cut by the span.
 */
export function PortfolioThroughput({ metrics }: { metrics: TPortfolioMetrics }) {
  const t = useT();
  const data = metrics.throughput.map((week, index) => {
    const point: Record<string, string | number> = { week: formatDayShort(week.start), total: week.count };
    for (const team of metrics.teams) point[team.boardId] = team.throughput[index]?.count ?? 0;
    return point;
  });
  const total = metrics.throughput.reduce((sum, week) => sum + week.count, 0);
  const latest = metrics.throughput.at(-1)?.count ?? 0;
  const entries = metrics.teams.map((team, index) => ({
    name: t("portfolio.throughput.teamTotal", {
      team: team.name,
      count: team.throughput.reduce((sum, week) => sum + week.count, 0),
    }),
    color: teamColor(index),
  }));
  const described = metrics.throughput
    .map((week) => `${formatDayShort(week.start)}: ${week.count}`)
    .join(", ");
  return (
    <PortfolioPanel
      name="throughput"
      title={t("portfolio.throughput.title")}
      note={t("portfolio.throughput.summary", { latest, total, b: (chunks) => <strong>{chunks}</strong> })}
    >
      <div role="img" aria-label={t("portfolio.throughput.described", { values: described })}>
        <BarChart {...chartFrame(220)} data={data}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="week" stroke={COLORS.axis} tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis stroke={COLORS.axis} tick={{ fontSize: 12 }} width={32} allowDecimals={false} />
          <Tooltip />
          {metrics.teams.map((team, index) => (
            <Bar
              key={team.boardId}
              dataKey={team.boardId}
              name={team.name}
              stackId="teams"
              fill={teamColor(index)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
      <ChartKey entries={entries} />
    </PortfolioPanel>
  );
}
