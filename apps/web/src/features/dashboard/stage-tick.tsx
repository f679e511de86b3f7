import { Text } from "recharts";

/** What recharts hands a custom axis tick (the parts a stage name needs). */
interface StageTickProps {
  x?: number | string;
  y?: number | string;
  /** The axis' width, shared by its ticks. */
  width?: number | string;
  visibleTicksCount?: number;
  payload?: { value?: unknown };
  index?: number;
  tickFormatter?: (value: unknown, index: number) => string;
  fill?: string;
  fontSize?: number | string;
  /** Every name on the axis: all of them tilt when one word would not fit its column. */
  names: readonly string[];
}

const DEFAULT_FONT_PX = 14;
/** A rough width of a character as a share of the font size (no layout pass in a tick). */
const CHAR_WIDTH_EM = 0.62;
const GAP_PX = 8;

/**
 * A stage name under its column, so long names ("Ready for dev" beside
 * "Development") never run into each other on a laptop screen: wrapped onto
 * lines within the column's share of the axis when every name's longest
 * word fits its column, otherwise every name on the axis is tilted (the
 * small charts side by side).
 */
export function StageTick(props: StageTickProps) {
  const { payload, index = 0, tickFormatter } = props;
  const value = tickFormatter ? tickFormatter(payload?.value, index) : String(payload?.value ?? "");
  const band = Number(props.width ?? 0) / Math.max(1, props.visibleTicksCount ?? 1);
  const fontPx = Number(props.fontSize ?? DEFAULT_FONT_PX);
  const longestWord = Math.max(
    0,
    ...props.names.flatMap((name) => name.split(/\s+/).map((word) => word.length)),
  );
  const common = { x: props.x, y: props.y, fill: props.fill, fontSize: props.fontSize };
  if (longestWord * fontPx * CHAR_WIDTH_EM > band - GAP_PX) {
    return (
      <Text {...common} angle={-35} textAnchor="end" verticalAnchor="start">
        {value}
      </Text>
    );
  }
  return (
    <Text {...common} width={band - GAP_PX} textAnchor="middle" verticalAnchor="start">
      {value}
    </Text>
  );
}
