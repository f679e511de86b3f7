import type { TMetrics } from "@tideway/contracts";
import type { MessageId } from "../../i18n/messages";

/** Chart colors chosen for at least 3:1 contrast with the white panel (WCAG's bar for graphics). */
export const COLORS = {
  accent: "#1f5fbf",
  goal: "#1a7f37",
  p50: "#5b6677",
  p85: "#b54708",
  p95: "#7a2e0e",
  queue: "#b54708",
  active: "#1f5fbf",
  grid: "#d5dbe4",
  axis: "#3d4757",
} as const;

/** Stage bands of the cumulative flow, left to right on the board. */
const STAGE_PALETTE = [
  "#8a9bb3",
  "#7a5ea8",
  "#1f5fbf",
  "#0e7c86",
  "#c26a00",
  "#2e8540",
  "#a23b72",
  "#5b6677",
];

export function stageColor(position: number, isDone: boolean): string {
  if (isDone) return "#2e8540";
  return STAGE_PALETTE[position % (STAGE_PALETTE.length - 2)] ?? COLORS.accent;
}

export type AgingStatus = TMetrics["aging"][number]["status"];

export const AGING_STATUS_COLOR: Record<AgingStatus, string> = {
  "within-p50": "#1a7f37",
  "within-sle": "#b54708",
  "beyond-sle": "#b42318",
  "no-sle": "#5b6677",
};

/** How a demand's age compares with the SLE, in words. */
export const AGING_STATUS_LABEL: Record<AgingStatus, MessageId> = {
  "within-p50": "dashboard.aging.withinP50",
  "within-sle": "dashboard.aging.withinSle",
  "beyond-sle": "dashboard.aging.beyondSle",
  "no-sle": "dashboard.aging.noSle",
};
