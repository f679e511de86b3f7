import type { LabelProps } from "recharts";

const FONT_PX = 12;
/** Between the plot's right edge and the name in the margin. */
const MARGIN_GAP_PX = 5;
/** How far above its line the margin name's baseline sits. */
const ABOVE_LINE_PX = 3;

/**
 * The name of a percentile line (p50, p85, p95), placed so two of them never
 * overlap however close the values are (one delivered demand makes all three
 * the same line): p50 above its line at the plot's left edge, p85 in the
 * right margin, p95 above its line at the plot's right edge. Each has a
 * region of its own, and none sits below its line, where a line at zero
 * would meet the dates or stage names under the chart. (Recharts' "inside
 * bottom" of a line's zero-height box is above the line.)
 */
export function percentileLabel(percentile: "p50" | "p85" | "p95", text: string, fill: string): LabelProps {
  if (percentile === "p50") return { value: text, position: "insideBottomLeft", fill, fontSize: FONT_PX };
  if (percentile === "p95") return { value: text, position: "insideBottomRight", fill, fontSize: FONT_PX };
  return {
    content: ({ viewBox }) => {
      const box = viewBox && "width" in viewBox ? viewBox : { x: 0, y: 0, width: 0 };
      return (
        <text
          className="recharts-label"
          x={Number(box.x ?? 0) + Number(box.width ?? 0) + MARGIN_GAP_PX}
          y={Number(box.y ?? 0) - ABOVE_LINE_PX}
          fill={fill}
          fontSize={FONT_PX}
        >
          {text}
        </text>
      );
    },
  };
}
