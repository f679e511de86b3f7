import type { TMetricTile } from "@tideway/contracts";
import { goalReading, SMALL_SAMPLE_DEMANDS } from "@tideway/domain";
import { lazy, Suspense } from "react";
import { useT } from "../../i18n/use-t";
import { formatNumber, formatPercent, formatSeconds } from "../../ui/format";
import { useHydrated } from "../../ui/use-hydrated";
import { MetricHelp } from "./metric-help";

// The charting library loads after the tiles' numbers are on screen; the sparkline's box
// holds its place meanwhile (dashboard-details.tsx).
const TrendSparkline = lazy(() =>
  import("./trend-sparkline").then((module) => ({ default: module.TrendSparkline })),
);

export type TileKind = "delivery" | "development" | "release";
/** The unit of a tile's trend: days for the cycle times, minutes for the release lead time. */
export type TileUnit = "days" | "minutes";

interface HeadlineTileProps {
  kind: TileKind;
  title: string;
  tile: TMetricTile;
  definition: readonly string[];
  toUnit: (seconds: number) => number;
  unit: TileUnit;
}

/**
 * One of the three 2-1-1 tiles: the p85 against its target, the share within
 * the target, the count, green or red against the 85% goal (grey without
 * data), and the 12-week trend. The goal is also written out, never shown by
 * color alone, and a verdict from fewer than 10 demands says so
 * (`goalReading`, as on the stand-up).
 */
export function HeadlineTile({ kind, title, tile, definition, toUnit, unit }: HeadlineTileProps) {
  const t = useT();
  const reading = goalReading(tile);
  const goal = reading.verdict;
  const testId = `tile-${kind}`;
  const hydrated = useHydrated();
  return (
    <article className="tile" data-testid={testId} data-goal={goal} aria-labelledby={`${testId}-title`}>
      <header className="tile-header">
        <h3 id={`${testId}-title`}>{title}</h3>
        <MetricHelp topic={title.toLowerCase()} definition={definition} />
      </header>
      <p className="tile-target">{t("dashboard.tile.target", { target: formatSeconds(tile.target) })}</p>
      <p className="tile-value">
        <span className="tile-label">p85</span>{" "}
        <span className="tile-number" data-testid={`${testId}-p85`}>
          {formatSeconds(tile.p85)}
        </span>
      </p>
      <p className="tile-goal">
        <span aria-hidden="true">{goal === "met" ? "✔ " : goal === "missed" ? "✘ " : ""}</span>
        {t("dashboard.tile.goal", { goal })}
        {reading.smallSample && (
          <span className="tile-small-sample" data-testid={`${testId}-small-sample`}>
            {" "}
            {t("tile.smallSample", { count: tile.count, minimum: SMALL_SAMPLE_DEMANDS })}
          </span>
        )}
      </p>
      <dl className="tile-facts">
        <div>
          <dt>{t("dashboard.tile.withinTarget")}</dt>
          <dd data-testid={`${testId}-attainment`}>{formatPercent(tile.attainment)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.tile.count", { kind })}</dt>
          <dd data-testid={`${testId}-count`}>{formatNumber(tile.count, 0)}</dd>
        </div>
      </dl>
      {hydrated ? (
        <Suspense fallback={<div className="sparkline" />}>
          <TrendSparkline trend={tile.trend} target={tile.target} toUnit={toUnit} unit={unit} />
        </Suspense>
      ) : (
        <div className="sparkline" />
      )}
    </article>
  );
}
