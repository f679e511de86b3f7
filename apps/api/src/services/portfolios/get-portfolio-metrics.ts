import type { TPortfolioMetrics, TPortfolioMetricsQuery } from "@tideway/contracts";
import {
  epochMs,
  portfolioConstraint,
  portfolioThroughput,
  STUCK_FLOW_WINDOW_DAYS,
  type TeamFlowPart,
  type TwoOneOneTiles,
  twoOneOneTiles,
  twoOneOneTilesAcross,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { stuckFlowStageView } from "../insights/get-board-insights";
import { cachedBoardHistory } from "../metrics/board-flow-cache";
import { boardTimeBasis } from "../metrics/board-time-basis";
import { iso, metricWindow, throughputView, tileView } from "../metrics/get-board-metrics";
import { requirePortfolioRole } from "./require-portfolio-role";

/**
 * A portfolio's 2-1-1 figures for a window: per team board, for the
 * organisation (the union of every team board's demands: nearest-rank over
 * all their durations, never the teams' percentiles averaged) and the
 * business demands' delivery cycle time on the business board; each with
 * its 12-week trend ending at the window's `to`. Beside them, deliveries per
 * week per team and added up, and which team's stage is the constraint as
 * of `to` (or now, if earlier). A viewer of the portfolio sees the numbers
 * of every team board, whether or not they are a member of it: numbers and
 * stage names carry no demand keys or titles.
 */
export async function getPortfolioMetrics(
  db: Db,
  userId: string,
  portfolioId: string,
  query: TPortfolioMetricsQuery,
  now = new Date(),
): Promise<TPortfolioMetrics> {
  const access = await requirePortfolioRole(db, userId, portfolioId, "viewer");
  const window = metricWindow(query, now);
  const boards = await db.portfolioBoard.findMany({
    where: { portfolioId },
    select: { board: { select: { id: true, key: true, name: true } } },
    orderBy: { board: { name: "asc" } },
  });
  // One at a time: each may be a full read of a large log on a cold cache.
  const parts: (TeamFlowPart & { board: (typeof boards)[number]["board"] })[] = [];
  const stageName = new Map<string, string>();
  for (const { board } of boards) {
    const { flow, settings } = await cachedBoardHistory(db, board.id);
    parts.push({
      board,
      boardId: board.id,
      demands: flow.demands,
      stages: flow.stages,
      timeBasis: boardTimeBasis(settings),
    });
    for (const stage of flow.stages) stageName.set(stage.id, stage.name);
  }
  const business = await cachedBoardHistory(db, access.businessBoardId);
  const businessTiles = twoOneOneTiles(business.flow.demands, business.flow.stages, {
    window,
    timeBasis: boardTimeBasis(business.settings),
  });
  const weekly = portfolioThroughput(parts, window);
  const asOf = epochMs(Math.min(window.to, now.getTime()));
  const constraint = portfolioConstraint(parts, asOf);
  const stageView = (stage: Parameters<typeof stuckFlowStageView>[0] | null | undefined) =>
    stage ? stuckFlowStageView(stage, stageName) : null;

  return {
    window: { from: iso(window.from), to: iso(window.to) },
    organisation: tilesView(twoOneOneTilesAcross(parts, { window })),
    business: { delivery: tileView(businessTiles.delivery) },
    teams: parts.map((part, index) => ({
      boardId: part.board.id,
      key: part.board.key,
      name: part.board.name,
      timeBasis: part.timeBasis ?? "calendar",
      ...tilesView(twoOneOneTiles(part.demands, part.stages, { window, timeBasis: part.timeBasis })),
      throughput: throughputView(weekly.teams[index]?.weeks ?? []),
    })),
    throughput: throughputView(weekly.organisation),
    constraint: {
      from: iso(constraint.from),
      to: iso(constraint.to),
      windowDays: STUCK_FLOW_WINDOW_DAYS,
      boardId: constraint.constraint?.boardId ?? null,
      stage: stageView(constraint.constraint?.stage),
      teams: constraint.teams.map(({ boardId, stuck }) => ({
        boardId,
        longestWait: stageView(stuck.stages.find((stage) => stage.stageId === stuck.longestWait)),
      })),
    },
  };
}

function tilesView(tiles: TwoOneOneTiles) {
  return {
    delivery: tileView(tiles.delivery),
    development: tileView(tiles.development),
    release: tileView(tiles.release),
  };
}
