import { z } from "zod";
import { ZDemandType, ZId } from "./board";
import { ZInstantInput } from "./instant";

/** How a board counts durations: calendar time, or business days (weekends left out). */
export const ZTimeBasis = z.enum(["calendar", "business-days"]);

/**
 * GET /api/boards/:boardId/metrics. Durations are in seconds, attainment is a
 * share 0..1, instants are ISO 8601. Definitions: DESIGN.md "Metrics" and
 * METRIC_DEFINITIONS below (also shown on the dashboard).
 */
export const ZMetricsQuery = z.object({
  from: ZInstantInput.optional().describe("Window start, inclusive (default: 30 days before `to`)"),
  to: ZInstantInput.optional().describe("Window end, exclusive (default: now)"),
  lane: ZId.optional().describe("Only demands in this swim lane"),
  type: ZDemandType.optional().describe("Only demands of this type"),
});
export type TMetricsQuery = z.infer<typeof ZMetricsQuery>;

const seconds = z.number().nonnegative();

export const ZTrendWeek = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  count: z.number().int(),
  p85: seconds.nullable(),
  attainment: z.number().min(0).max(1).nullable(),
});

/** Deliveries in [start, end): a Monday-to-Monday UTC week, cut where a window cuts it. */
export const ZThroughputWeek = z.object({
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  count: z.number().int(),
});
export type TThroughputWeek = z.infer<typeof ZThroughputWeek>;

export const ZMetricTile = z.object({
  count: z.number().int(),
  p50: seconds.nullable(),
  p85: seconds.nullable(),
  p95: seconds.nullable(),
  attainment: z.number().min(0).max(1).nullable(),
  target: seconds,
  /** Goal: at least 85% of demands within the target. */
  goalMet: z.boolean().nullable(),
  trend: z.array(ZTrendWeek),
});
export type TMetricTile = z.infer<typeof ZMetricTile>;

export const ZMetrics = z.object({
  window: z.object({ from: z.iso.datetime(), to: z.iso.datetime() }),
  timeBasis: ZTimeBasis,
  delivery: ZMetricTile,
  development: ZMetricTile,
  release: ZMetricTile,
  scatter: z.object({
    points: z.array(
      z.object({
        demandId: ZId,
        key: z.string(),
        title: z.string(),
        completedAt: z.iso.datetime(),
        duration: seconds,
      }),
    ),
    p50: seconds.nullable(),
    p85: seconds.nullable(),
    p95: seconds.nullable(),
  }),
  cfd: z.object({
    days: z.array(z.iso.datetime()),
    onBoard: z.array(z.number().int()),
    stages: z.array(
      z.object({
        stageId: ZId,
        name: z.string(),
        reached: z.array(z.number().int()),
        band: z.array(z.number().int()),
      }),
    ),
  }),
  serviceLevelExpectation: z.object({ p50: seconds.nullable(), p85: seconds.nullable() }),
  aging: z.array(
    z.object({
      demandId: ZId,
      key: z.string(),
      title: z.string(),
      stageId: ZId,
      committedAt: z.iso.datetime(),
      age: seconds,
      blocked: z.boolean(),
      status: z.enum(["within-p50", "within-sle", "beyond-sle", "no-sle"]),
    }),
  ),
  throughput: z.array(ZThroughputWeek),
  timeInStage: z.array(
    z.object({
      stageId: ZId,
      name: z.string(),
      demandCount: z.number().int(),
      total: seconds,
      median: seconds.nullable(),
      p85: seconds.nullable(),
    }),
  ),
  /** The committed stage where the window's deliveries waited longest (domain `whereWorkWaits`); null without deliveries. */
  whereWorkWaits: ZId.nullable(),
  flowEfficiency: z.object({
    efficiency: z.number().min(0).max(1).nullable(),
    activeTime: seconds,
    cycleTime: seconds,
  }),
});
export type TMetrics = z.infer<typeof ZMetrics>;

/** What each number means, in words a lead can check by hand against the transition log. */
export const METRIC_DEFINITIONS = {
  delivery:
    "Delivery cycle time: from the first time a demand passed the commitment point (entering Design) to the last time it entered Done. Goal: 85% within 14 days. Demands count in the window in which they were delivered.",
  development:
    "Development cycle time: from the first entry into Development to the last entry into Release. Goal: 85% within 7 days. Demands count in the window in which development ended.",
  release:
    "Release lead time: from the last commit or merge naming the demand to the release that shipped it (pipeline webhooks). Without pipeline events, entering Release stands in for code submission and entering Done for the release. Goal: 85% within 60 minutes.",
  percentiles:
    "Percentiles are nearest-rank: the p-th percentile of n sorted values is the value at position ceil(p/100 x n). Attainment is the share of demands at or below the target; p85 is within the target exactly when attainment is at least 85%.",
  cfd: "Cumulative flow: for each day and stage, the number of demands that had reached that stage or a later one by the end of the day. A demand moved backwards stays counted at the furthest stage it reached, so lines never fall or cross; a band's height is what sits in that stage. Unfinished demands leave the chart from the day they are archived.",
  aging:
    "Work item age: time since a demand in progress first passed the commitment point (not time in its current column), compared with the service level expectation: the p85 delivery cycle time of the window (amber past the p50, red past the p85).",
  throughput: "Throughput: demands delivered per week (Monday 00:00 UTC to Monday), zeros included.",
  timeInStage:
    "Time in stage: for demands delivered in the window, the total, the median and the p85 time spent in each stage, including time waiting or blocked there. Where work waits longest is one rule on every panel: among the committed stages only (from the commitment point up to delivery), the stage with the highest p85 time in stage, the median breaking ties. Stages before the commitment point (such as Selection) hold options, not waiting work: they are shown but never named as where work waits.",
  flowEfficiency:
    "Flow efficiency: time in active stages while not blocked, divided by the delivery cycle time, over all demands delivered in the window. Blocked time and time in queue stages count as waiting.",
} as const;
