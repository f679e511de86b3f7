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
}

/** Narrower than this a stage name is left to overflow rather than broken after every word. */
const MIN_LINE_PX = 40;

/**
 * A stage name under its column, wrapped onto up to three lines within the
 * column's share of the axis, so long names ("Ready for dev" beside
 * "Development") never run into each other on a laptop screen.
 */
export function StageTick(props: StageTickProps) {
  const { payload, index = 0, tickFormatter } = props;
  const value = tickFormatter ? tickFormatter(payload?.value, index) : String(payload?.value ?? "");
  const band = Number(props.width ?? 0) / Math.max(1, props.visibleTicksCount ?? 1);
  return (
    <Text
      x={props.x}
      y={props.y}
      width={Math.max(MIN_LINE_PX, band - 6)}
      maxLines={3}
      textAnchor="middle"
      verticalAnchor="start"
      fill={props.fill}
      fontSize={props.fontSize}
    >
      {value}
    </Text>
  );
}
