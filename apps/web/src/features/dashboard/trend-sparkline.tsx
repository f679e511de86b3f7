import type { TMetricTile } from "@tideway/contracts";
import { Line, LineChart, ReferenceLine, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { formatNumber } from "../../ui/format";
import { COLORS } from "./chart-colors";
import type { TileUnit } from "./headline-tile";

interface TrendSparklineProps {
  trend: TMetricTile["trend"];
  target: number;
  /** Seconds to the tile's unit (days or minutes), and that unit's name. */
  toUnit: (seconds: number) => number;
  unit: TileUnit;
}

/** The last 12 weeks' p85, one point a week, against the target (dashed). Weeks without deliveries leave a gap. */
export function TrendSparkline({ trend, target, toUnit, unit }: TrendSparklineProps) {
  const t = useT();
  const data = trend.map((week) => ({ start: week.start, p85: week.p85 === null ? null : toUnit(week.p85) }));
  const values = data.flatMap((week) => (week.p85 === null ? [] : [week.p85]));
  const goal = toUnit(target);
  const top = Math.max(goal * 1.25, ...values) || 1;
  const described = data
    .map((week) =>
      week.p85 === null
        ? t("dashboard.sparkline.none")
        : t("dashboard.sparkline.value", { value: formatNumber(week.p85, 2), unit }),
    )
    .join(t("dashboard.sparkline.separator"));

  return (
    <div
      className="sparkline"
      role="img"
      aria-label={t("dashboard.sparkline.label", { weeks: data.length, values: described })}
    >
      <LineChart
        responsive
        style={{ width: "100%", height: 48 }}
        data={data}
        margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <YAxis hide domain={[0, top]} />
        <ReferenceLine y={goal} stroke={COLORS.goal} strokeDasharray="4 3" ifOverflow="extendDomain" />
        <Line
          type="monotone"
          dataKey="p85"
          stroke={COLORS.axis}
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
