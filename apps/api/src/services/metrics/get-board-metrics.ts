import type { TMetrics, TMetricsQuery, TThroughputWeek } from "@tideway/contracts";
import {
  agingWork,
  type CycleTimeOptions,
  cumulativeFlow,
  cycleTimeScatter,
  DAY,
  deliveryCycleTimes,
  epochMs,
  flowEfficiency,
  type MetricWindow,
  orderStages,
  type ThroughputBucket,
  type TwoOneOneTile,
  throughput,
  timeInStage,
  toSeconds,
  twoOneOneTiles,
  whereWorkWaits,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { invalidField } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { cachedBoardHistory } from "./board-flow-cache";
import { boardTimeBasis } from "./board-time-basis";
import { secondsOrNull, summaryView } from "./summary-view";

const DEFAULT_WINDOW_DAYS = 30;
const MAX_WINDOW_DAYS = 3 * 366;

/**
 * The dashboard's numbers for a window, computed by the pure functions of
 * packages/domain from the board's transition log. The history is kept per
 * board and brought up to date with only what changed since the last call
 * (see board-flow-cache.ts), so a dashboard refreshing after every move
 * reads a few rows per change, not the whole log.
 */
export async function getBoardMetrics(
  db: Db,
  userId: string,
  boardId: string,
  query: TMetricsQuery,
  now = new Date(),
): Promise<TMetrics> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const window = metricWindow(query, now);
  const { flow, settings } = await cachedBoardHistory(db, boardId);
  const timeBasis = boardTimeBasis(settings);
  const filter = { laneId: query.lane, type: query.type };
  const options: CycleTimeOptions = { window, filter, timeBasis };
  const { demands, stages, labels } = flow;

  const tiles = twoOneOneTiles(demands, stages, options);
  const scatter = cycleTimeScatter(deliveryCycleTimes(demands, stages, options));
  const cfd = cumulativeFlow(demands, stages, { window, filter });
  const aging = agingWork(demands, stages, epochMs(now.getTime()), tiles.delivery, { filter, timeBasis });
  const efficiency = flowEfficiency(demands, stages, options);
  const stageTimes = timeInStage(demands, stages, { window, filter, timeBasis });
  const stageName = new Map(stages.map((stage) => [stage.id, stage.name]));
  const label = (demandId: string) => labels.get(demandId) ?? { key: "?", title: "" };

  return {
    window: { from: iso(window.from), to: iso(window.to) },
    timeBasis,
    delivery: tileView(tiles.delivery),
    development: tileView(tiles.development),
    release: tileView(tiles.release),
    scatter: {
      points: scatter.points.map((point) => ({
        demandId: point.demandId,
        ...label(point.demandId),
        completedAt: iso(point.completedAt),
        duration: toSeconds(point.duration),
      })),
      p50: secondsOrNull(scatter.p50),
      p85: secondsOrNull(scatter.p85),
      p95: secondsOrNull(scatter.p95),
    },
    cfd: {
      days: cfd.days.map(iso),
      onBoard: cfd.onBoard,
      stages: cfd.stages.map((stage) => ({ ...stage, name: stageName.get(stage.stageId) ?? "" })),
    },
    serviceLevelExpectation: {
      p50: secondsOrNull(tiles.delivery.p50),
      p85: secondsOrNull(tiles.delivery.p85),
    },
    aging: aging.map((item) => ({
      demandId: item.demandId,
      ...label(item.demandId),
      stageId: item.stageId,
      committedAt: iso(item.committedAt),
      age: toSeconds(item.age),
      blocked: item.blocked,
      status: item.status,
    })),
    throughput: throughputView(throughput(demands, stages, { window, period: "week", filter })),
    timeInStage: stageTimes.map((stage) => ({
      stageId: stage.stageId,
      name: stageName.get(stage.stageId) ?? "",
      demandCount: stage.demandCount,
      total: toSeconds(stage.total),
      median: secondsOrNull(stage.median),
      p85: secondsOrNull(stage.p85),
    })),
    whereWorkWaits: whereWorkWaits(
      stageTimes.map((stage) => ({ stageId: stage.stageId, medianTime: stage.median, p85Time: stage.p85 })),
      orderStages(stages),
    ),
    flowEfficiency: {
      efficiency: efficiency.efficiency,
      activeTime: toSeconds(efficiency.activeTime),
      cycleTime: toSeconds(efficiency.cycleTime),
    },
  };
}

/** The window `[from, to)` a metrics query asks for (default: the 30 days before now). */
export function metricWindow(query: Pick<TMetricsQuery, "from" | "to">, now: Date): MetricWindow {
  const to = query.to ? Date.parse(query.to) : now.getTime();
  const from = query.from ? Date.parse(query.from) : to - DEFAULT_WINDOW_DAYS * DAY;
  if (from >= to) throw invalidField("from", "must be before `to`", "querystring");
  if (to - from > MAX_WINDOW_DAYS * DAY) {
    throw invalidField("from", `the window may span at most ${MAX_WINDOW_DAYS} days`, "querystring");
  }
  return { from: epochMs(from), to: epochMs(to) };
}

/** A 2-1-1 tile as the API sends it: seconds, with its weekly trend. */
export function tileView(tile: TwoOneOneTile): TMetrics["delivery"] {
  return {
    ...summaryView(tile),
    trend: tile.trend.map((week) => ({
      start: iso(week.start),
      end: iso(week.end),
      count: week.count,
      p85: secondsOrNull(week.p85),
      attainment: week.attainment,
    })),
  };
}

/** Throughput weeks as the API sends them. */
export const throughputView = (weeks: readonly ThroughputBucket[]): TThroughputWeek[] =>
  weeks.map((week) => ({ start: iso(week.start), end: iso(week.end), count: week.count }));

export const iso = (at: number) => new Date(at).toISOString();
