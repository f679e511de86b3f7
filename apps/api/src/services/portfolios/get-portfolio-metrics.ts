import type { TPortfolioMetrics, TPortfolioMetricsQuery } from "@tideway/contracts";
import {
  type BoardFlowPart,
  type TwoOneOneTiles,
  twoOneOneTiles,
  twoOneOneTilesAcross,
} from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { cachedBoardHistory } from "../metrics/board-flow-cache";
import { boardTimeBasis } from "../metrics/board-time-basis";
import { iso, metricWindow, tileView } from "../metrics/get-board-metrics";
import { requirePortfolioRole } from "./require-portfolio-role";

/**
 * A portfolio's 2-1-1 figures for a window: per team board, for the
 * organisation (the union of every team board's demands: nearest-rank over
 * all their durations, never the teams' percentiles averaged) and the
 * business demands' delivery cycle time on the business board. A viewer of
 * the portfolio sees the numbers of every team board, whether or not they
 * are a member of it: numbers carry no keys or titles.
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
  const parts: (BoardFlowPart & { board: (typeof boards)[number]["board"] })[] = [];
  for (const { board } of boards) {
    const { flow, settings } = await cachedBoardHistory(db, board.id);
    parts.push({ board, demands: flow.demands, stages: flow.stages, timeBasis: boardTimeBasis(settings) });
  }
  const business = await cachedBoardHistory(db, access.businessBoardId);
  const businessTiles = twoOneOneTiles(business.flow.demands, business.flow.stages, {
    window,
    timeBasis: boardTimeBasis(business.settings),
  });

  return {
    window: { from: iso(window.from), to: iso(window.to) },
    organisation: tilesView(twoOneOneTilesAcross(parts, { window })),
    business: { delivery: tileView(businessTiles.delivery) },
    teams: parts.map((part) => ({
      boardId: part.board.id,
      key: part.board.key,
      name: part.board.name,
      timeBasis: part.timeBasis ?? "calendar",
      ...tilesView(twoOneOneTiles(part.demands, part.stages, { window, timeBasis: part.timeBasis })),
    })),
  };
}

function tilesView(tiles: TwoOneOneTiles) {
  return {
    delivery: tileView(tiles.delivery),
    development: tileView(tiles.development),
    release: tileView(tiles.release),
  };
}
