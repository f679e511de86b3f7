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
  /** Every name on the axis: all of them go on two rows when one word would not fit its column. */
  names: readonly string[];
}

const DEFAULT_FONT_PX = 14;
/** Rough widths of a character as a share of the font size (no layout pass in a tick): Latin, and CJK (full width). */
const CHAR_WIDTH_EM = 0.62;
const WIDE_CHAR_WIDTH_EM = 1;
const WIDE_CHAR = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u;
const GAP_PX = 8;
const LINE_HEIGHT_EM = 1.25;

/** About how wide `text` is at `fontPx`, counting Chinese, Japanese and Korean characters as full width. */
export function textWidthPx(text: string, fontPx: number): number {
  let ems = 0;
  for (const char of text) ems += WIDE_CHAR.test(char) ? WIDE_CHAR_WIDTH_EM : CHAR_WIDTH_EM;
  return ems * fontPx;
}

/** `text` cut to fit `roomPx` with an ellipsis ("Development" → "Develop…"); as it is when it fits. */
export function abbreviated(text: string, roomPx: number, fontPx: number): string {
  if (textWidthPx(text, fontPx) <= roomPx) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidthPx(`${chars.join("")}…`, fontPx) > roomPx) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/**
 * A stage name under its column, so names never run into each other, in
 * English or Chinese: wrapped onto lines within the column when every
 * name's longest word fits its column; otherwise (the small charts side by
 * side) the names go on two staggered rows, each with two columns' room,
 * cut with an ellipsis if even that is too narrow; the full name is the
 * tick's tooltip, and the chart's table view has it too.
 */
export function StageTick(props: StageTickProps) {
  const { payload, index = 0, tickFormatter } = props;
  const value = tickFormatter ? tickFormatter(payload?.value, index) : String(payload?.value ?? "");
  const band = Number(props.width ?? 0) / Math.max(1, props.visibleTicksCount ?? 1);
  const fontPx = Number(props.fontSize ?? DEFAULT_FONT_PX);
  const fitsColumn = props.names.every((name) =>
    name.split(/\s+/).every((word) => textWidthPx(word, fontPx) <= band - GAP_PX),
  );
  const common = { x: props.x, fill: props.fill, fontSize: props.fontSize, textAnchor: "middle" as const };
  if (fitsColumn) {
    return (
      <Text {...common} y={props.y} width={band - GAP_PX} verticalAnchor="start">
        {value}
      </Text>
    );
  }
  const row = index % 2;
  const shown = abbreviated(value, 2 * band - GAP_PX, fontPx);
  return (
    <g className="stage-tick" data-abbreviated={shown === value ? undefined : "yes"}>
      <title>{value}</title>
      <Text {...common} y={Number(props.y ?? 0) + row * fontPx * LINE_HEIGHT_EM} verticalAnchor="start">
        {shown}
      </Text>
    </g>
  );
}
