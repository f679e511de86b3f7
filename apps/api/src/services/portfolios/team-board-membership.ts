import { ErrorCode, type TPortfolio } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import type { BoardEventSink } from "../board-events";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import { recordAuditEvent } from "../settings/record-audit-event";
import { getPortfolio } from "./get-portfolio";
import { publishPortfolioChange } from "./portfolio-events";
import { requirePortfolioRole } from "./require-portfolio-role";

interface Deps {
  db: Db;
  events: BoardEventSink;
}

/**
 * Puts a team board into a portfolio. Only an admin of both may: the
 * portfolio's members will see the board's numbers, so its admin consents.
 * A board is in at most one portfolio, and a business board is never a team
 * board. Adding a board already in this portfolio changes nothing.
 */
export async function addPortfolioBoard(
  { db, events }: Deps,
  actorId: string,
  portfolioId: string,
  boardId: string,
): Promise<TPortfolio> {
  const access = await requirePortfolioRole(db, actorId, portfolioId, "admin");
  await requireBoardRole(db, actorId, boardId, "admin");
  const added = await db.$transaction(async (tx) => {
    const [current, business] = await Promise.all([
      tx.portfolioBoard.findUnique({ where: { boardId }, select: { portfolioId: true } }),
      tx.portfolio.findUnique({ where: { businessBoardId: boardId }, select: { id: true } }),
    ]);
    if (current?.portfolioId === portfolioId) return false;
    if (business) {
      throw new AppError(ErrorCode.CONFLICT, "A portfolio's business board cannot be a team board.");
    }
    if (current) {
      throw new AppError(
        ErrorCode.BOARD_IN_PORTFOLIO,
        "This board is already in another portfolio; a board belongs to at most one. Remove it there first.",
      );
    }
    const { board } = await tx.portfolioBoard.create({
      data: { portfolioId, boardId },
      select: { board: { select: { name: true, key: true } } },
    });
    await recordAuditEvent(tx, access.businessBoardId, actorId, {
      action: "portfolio.board_added",
      entity: "portfolio",
      entityId: boardId,
      before: null,
      after: { boardId, name: board.name, key: board.key },
    });
    return true;
  }, TRANSACTION_OPTIONS);
  if (added) await publishPortfolioChange(db, events, access.businessBoardId, boardId);
  return getPortfolio(db, actorId, portfolioId);
}

/**
 * Takes a team board out of a portfolio: an admin of the portfolio or of the
 * board may. Its demands keep their parent links to business demands.
 */
export async function removePortfolioBoard(
  { db, events }: Deps,
  actorId: string,
  portfolioId: string,
  boardId: string,
): Promise<TPortfolio> {
  const access = await requirePortfolioRole(db, actorId, portfolioId, "viewer");
  if (access.role !== "admin") await requireBoardRole(db, actorId, boardId, "admin");
  const removed = await db.$transaction(async (tx) => {
    const row = await tx.portfolioBoard.findUnique({
      where: { boardId },
      select: { portfolioId: true, board: { select: { name: true, key: true } } },
    });
    if (row?.portfolioId !== portfolioId) return false;
    await tx.portfolioBoard.delete({ where: { boardId } });
    await recordAuditEvent(tx, access.businessBoardId, actorId, {
      action: "portfolio.board_removed",
      entity: "portfolio",
      entityId: boardId,
      before: { boardId, name: row.board.name, key: row.board.key },
      after: null,
    });
    return true;
  }, TRANSACTION_OPTIONS);
  if (removed) await publishPortfolioChange(db, events, access.businessBoardId, boardId);
  return getPortfolio(db, actorId, portfolioId);
}
