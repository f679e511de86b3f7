import type { ReactNode } from "react";
import { BarChart, CartesianGrid, XAxis } from "recharts";
import { COLORS } from "./chart-colors";
import { StageTick } from "./stage-tick";

/** A small bar chart with one group of bars per stage (`stage` is the category key); the bars are the children. */
export function StageBars(props: {
  data: readonly Record<string, unknown>[];
  height: number;
  children: ReactNode;
}) {
  return (
    <BarChart
      responsive
      style={{ width: "100%", height: props.height }}
      data={props.data as Record<string, unknown>[]}
      margin={{ top: 18, right: 8 }}
    >
      <CartesianGrid stroke={COLORS.grid} vertical={false} />
      <XAxis
        dataKey="stage"
        stroke={COLORS.axis}
        interval={0}
        height={64}
        tick={<StageTick fontSize={11} names={props.data.map((row) => String(row.stage))} />}
      />
      {props.children}
    </BarChart>
  );
}

/** The colour key under a chart. */
export function SwatchLegend({ entries }: { entries: readonly (readonly [string, string])[] }) {
  return (
    <span className="chart-legend">
      {entries.map(([name, color]) => (
        <span key={name}>
          <span className="swatch" style={{ background: color }} aria-hidden="true" />
          {name}
        </span>
      ))}
    </span>
  );
}
