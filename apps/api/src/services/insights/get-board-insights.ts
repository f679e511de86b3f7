import type { TBoardInsights, TStuckFlowStage } from "@tideway/contracts";
import {
  epochMs,
  STUCK_FLOW_WINDOW_DAYS,
  type StuckFlowStage,
  stuckFlow,
  WEEK,
  wipLimitAdvice,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { readForecastSettings } from "../forecasts/forecast-settings";
import { cachedBoardHistory } from "../metrics/board-flow-cache";
import { boardTimeBasis } from "../metrics/board-time-basis";
import { secondsOrNull } from "../metrics/summary-view";

/**
 * Where flow is stuck (last two weeks) and WIP limit advice (over the
 * board's forecast window, `settings.forecastWeeks`, default 12 weeks),
 * from the board's transition log, with each stage's current limit beside
 * the advice. Definitions: INSIGHT_DEFINITIONS in packages/contracts.
 */
export async function getBoardInsights(
  db: Db,
  userId: string,
  boardId: string,
  now = new Date(),
): Promise<TBoardInsights> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const [{ flow, settings }, limits] = await Promise.all([
    cachedBoardHistory(db, boardId),
    db.stage.findMany({ where: { boardId }, select: { id: true, wipLimit: true } }),
  ]);
  const at = epochMs(now.getTime());
  const timeBasis = boardTimeBasis(settings);
  const { forecastWeeks: weeks } = readForecastSettings(settings);
  const stageName = new Map(flow.stages.map((stage) => [stage.id, stage.name]));
  const limitOf = new Map(limits.map((stage) => [stage.id, stage.wipLimit]));
  const stuck = stuckFlow(flow.demands, flow.stages, at, { timeBasis });
  const advice = wipLimitAdvice(flow.demands, flow.stages, at, { weeks, timeBasis });

  return {
    stuckFlow: {
      from: iso(stuck.from),
      to: iso(stuck.to),
      windowDays: STUCK_FLOW_WINDOW_DAYS,
      stages: stuck.stages.map((stage) => stuckFlowStageView(stage, stageName)),
      longestWait: stuck.longestWait,
      fastestGrowingQueue: stuck.fastestGrowingQueue,
    },
    wipAdvice: {
      from: iso(at - weeks * WEEK),
      to: iso(at),
      weeks,
      stages: advice.map((stage) => ({
        stageId: stage.stageId,
        name: stageName.get(stage.stageId) ?? "",
        currentLimit: limitOf.get(stage.stageId) ?? null,
        throughputPerDay: stage.throughputPerDay,
        group: stage.group,
        share: stage.share,
        targetTime: secondsOrNull(stage.targetTime),
        historicalTime: secondsOrNull(stage.historicalTime),
        advisedLimit: stage.advisedLimit,
      })),
    },
  };
}

/** One stage's stuck-flow evidence as the API sends it: named, in seconds. */
export function stuckFlowStageView(
  stage: StuckFlowStage,
  stageName: ReadonlyMap<string, string>,
): TStuckFlowStage {
  return {
    stageId: stage.stageId,
    name: stageName.get(stage.stageId) ?? "",
    demandCount: stage.demandCount,
    stillThere: stage.stillThere,
    medianTime: secondsOrNull(stage.medianTime),
    p85Time: secondsOrNull(stage.p85Time),
    arrivals: stage.arrivals,
    departures: stage.departures,
    netGrowthPerDay: stage.netGrowthPerDay,
  };
}

const iso = (at: number) => new Date(at).toISOString();
