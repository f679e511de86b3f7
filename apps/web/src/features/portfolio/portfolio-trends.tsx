import type { TMetricTile, TPortfolioMetrics } from "@tideway/contracts";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { formatDayShort, formatNumber, inDays, inMinutes, NO_VALUE } from "../../ui/format";
import { COLORS } from "../dashboard/chart-colors";
import { ChartKey, chartFrame, ORGANISATION_COLOR, PortfolioPanel, teamColor } from "./portfolio-panel";

const METRICS = [
  { kind: "delivery", title: "portfolio.trends.delivery", unit: "portfolio.unit.days", toUnit: inDays },
  { kind: "development", title: "portfolio.trends.development", unit: "portfolio.unit.days", toUnit: inDays },
  { kind: "release", title: "portfolio.trends.release", unit: "portfolio.unit.minutes", toUnit: inMinutes },
] as const satisfies readonly {
  kind: "delivery" | "development" | "release";
  title: MessageId;
  unit: MessageId;
  toUnit: (seconds: number) => number;
}[];

type Metric = (typeof METRICS)[number];

/** A series of the trend charts: the organisation's, then each team's. */
interface Series {
  id: string;
  name: string;
  color: string;
  tiles: Record<Metric["kind"], TMetricTile>;
}

/**
 * The 12-week trends of the three 2-1-1 metrics: each week's p85, for the
 * organisation (over the union of the teams' demands, as the tiles) and
 * each team, against the target (dashed). A week without deliveries leaves
 * a gap in its line.
 */
export function PortfolioTrends({ metrics }: { metrics: TPortfolioMetrics }) {
  const t = useT();
  const series: Series[] = [
    {
      id: "organisation",
      name: t("portfolio.row.organisation"),
      color: ORGANISATION_COLOR,
      tiles: metrics.organisation,
    },
    ...metrics.teams.map((team, index) => ({
      id: team.boardId,
      name: team.name,
      color: teamColor(index),
      tiles: team,
    })),
  ];
  return (
    <PortfolioPanel name="trends" title={t("portfolio.trends.title")} note={t("portfolio.trends.note")}>
      <div className="portfolio-trend-charts">
        {METRICS.map((metric) => (
          <TrendChart key={metric.kind} metric={metric} series={series} />
        ))}
      </div>
      <ChartKey entries={series} />
    </PortfolioPanel>
  );
}

function TrendChart({ metric, series }: { metric: Metric; series: Series[] }) {
  const t = useT();
  const unit = t(metric.unit);
  const weeks = series[0]?.tiles[metric.kind].trend ?? [];
  const data = weeks.map((week, index) => {
    const point: Record<string, string | number | null> = { week: formatDayShort(week.start) };
    for (const line of series) {
      const p85 = line.tiles[metric.kind].trend[index]?.p85 ?? null;
      point[line.id] = p85 === null ? null : metric.toUnit(p85);
    }
    return point;
  });
  const target = metric.toUnit(series[0]?.tiles[metric.kind].target ?? 0);
  const title = t(metric.title);
  const described = series
    .map((line) => {
      const values = line.tiles[metric.kind].trend.map((week) =>
        week.p85 === null ? NO_VALUE : formatNumber(metric.toUnit(week.p85)),
      );
      return `${line.name}: ${values.join(", ")}`;
    })
    .join("; ");
  return (
    <figure className="portfolio-trend" data-testid={`trend-${metric.kind}`}>
      <figcaption>
        {title}{" "}
        <span className="quiet">{t("portfolio.trends.target", { target: formatNumber(target), unit })}</span>
      </figcaption>
      <div
        role="img"
        aria-label={t("portfolio.trends.described", {
          metric: title,
          unit,
          weeks: weeks.length,
          values: described,
        })}
      >
        <LineChart {...chartFrame(190)} data={data}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="week" stroke={COLORS.axis} tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis stroke={COLORS.axis} tick={{ fontSize: 12 }} width={40} domain={[0, "auto"]} />
          <Tooltip formatter={(value, name) => [`${String(value)} ${unit}`, name]} />
          <ReferenceLine y={target} stroke={COLORS.goal} strokeDasharray="5 4" ifOverflow="extendDomain" />
          {series.map((line) => (
            <Line
              key={line.id}
              dataKey={line.id}
              name={line.name}
              stroke={line.color}
              strokeWidth={line.id === "organisation" ? 3 : 2}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
    </figure>
  );
}
