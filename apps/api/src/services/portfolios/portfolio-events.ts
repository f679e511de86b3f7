import type { TBoardEvent } from "@tideway/contracts";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/prisma";
import { type BoardEventSink, nextBoardSeq } from "../board-events";

/**
 * Board events, passed on as they are, plus `portfolio.changed` in the
 * business board's room whenever something happens on a team board of a
 * portfolio: the business cards (their children's progress) and the
 * portfolio dashboard listen there, since a portfolio's members need not be
 * members of every team board.
 *
 * The business board's sequence number is taken in a short transaction of its
 * own after the team board's change committed, not inside the team's move,
 * so moves on different team boards never wait for each other's business
 * board. If the process stops between the two, the business board misses
 * that one nudge until its next event or reload.
 */
export function withPortfolioEvents(sink: BoardEventSink, db: Db, log: FastifyBaseLogger): BoardEventSink {
  return {
    publish: (event) => {
      sink.publish(event);
      if (event.type === "portfolio.changed") return;
      void notifyPortfolio(db, sink, event).catch((error: unknown) =>
        log.warn({ err: error, boardId: event.boardId }, "portfolio.changed was not sent"),
      );
    },
    evict: (boardId, userId) => sink.evict(boardId, userId),
  };
}

async function notifyPortfolio(db: Db, sink: BoardEventSink, event: TBoardEvent): Promise<void> {
  const membership = await db.portfolioBoard.findUnique({
    where: { boardId: event.boardId },
    select: { portfolio: { select: { businessBoardId: true } } },
  });
  if (!membership) return;
  await publishPortfolioChange(db, sink, membership.portfolio.businessBoardId, event.boardId);
}

/** Takes the business board's next sequence number and tells its room that `teamBoardId` changed. */
export async function publishPortfolioChange(
  db: Db,
  sink: BoardEventSink,
  businessBoardId: string,
  teamBoardId: string,
): Promise<void> {
  const seq = await db.$transaction((tx) => nextBoardSeq(tx, businessBoardId));
  sink.publish({ seq, boardId: businessBoardId, type: "portfolio.changed", payload: { teamBoardId } });
}
