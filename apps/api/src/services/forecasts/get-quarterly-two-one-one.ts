import type { TQuarterlyTwoOneOne, TTwoOneOneQuarter } from "@tideway/contracts";
import { epochMs, quarterlyTwoOneOne, summarizeDurations, type TwoOneOneQuarter } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { cachedBoardHistory } from "../metrics/board-flow-cache";
import { boardTimeBasis } from "../metrics/board-time-basis";
import { summaryView } from "../metrics/summary-view";

/**
 * The 2-1-1 goal per calendar quarter for the board (the team's value
 * stream) and for each of its swim lanes, for the trend table, its CSV and
 * the printable report.
 */
export async function getQuarterlyTwoOneOne(
  db: Db,
  userId: string,
  boardId: string,
  now = new Date(),
): Promise<TQuarterlyTwoOneOne> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const [history, board, lanes] = await Promise.all([
    cachedBoardHistory(db, boardId),
    db.board.findUniqueOrThrow({ where: { id: boardId }, select: { id: true, name: true, key: true } }),
    db.lane.findMany({ where: { boardId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
  ]);
  const timeBasis = boardTimeBasis(history.settings);
  const trend = quarterlyTwoOneOne(history.flow.demands, history.flow.stages, {
    now: epochMs(now.getTime()),
    timeBasis,
  });
  const byLane = new Map(trend.lanes.map((lane) => [lane.laneId, lane.quarters]));
  return {
    board,
    generatedAt: now.toISOString(),
    timeBasis,
    quarters: trend.board.map(quarterView),
    // Every lane of the board, in board order, even one that has delivered nothing yet.
    lanes: lanes.map((lane) => ({
      laneId: lane.id,
      name: lane.name,
      quarters: (byLane.get(lane.id) ?? emptyLike(trend.board)).map(quarterView),
    })),
  };
}

function emptyLike(quarters: TwoOneOneQuarter[]): TwoOneOneQuarter[] {
  return quarters.map((quarter) => ({
    ...quarter,
    delivery: summarizeDurations([], quarter.delivery.target),
    development: summarizeDurations([], quarter.development.target),
    release: summarizeDurations([], quarter.release.target),
  }));
}

function quarterView(quarter: TwoOneOneQuarter): TTwoOneOneQuarter {
  return {
    label: quarter.label,
    start: new Date(quarter.start).toISOString(),
    end: new Date(quarter.end).toISOString(),
    partial: quarter.partial,
    delivery: summaryView(quarter.delivery),
    development: summaryView(quarter.development),
    release: summaryView(quarter.release),
  };
}
