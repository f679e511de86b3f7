import type { TPortfolio, TPortfolioSummary } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requirePortfolioRole } from "./require-portfolio-role";

/** A portfolio with its team boards, each marked with whether the caller is a member of it. */
export async function getPortfolio(db: Db, userId: string, portfolioId: string): Promise<TPortfolio> {
  const access = await requirePortfolioRole(db, userId, portfolioId, "viewer");
  const [business, boards] = await Promise.all([
    db.board.findUniqueOrThrow({ where: { id: access.businessBoardId }, select: { key: true } }),
    teamBoards(db, userId, portfolioId),
  ]);
  return {
    id: access.portfolioId,
    name: access.name,
    businessBoardId: access.businessBoardId,
    businessBoardKey: business.key,
    role: access.role,
    boards,
  };
}

export async function teamBoards(db: Db, userId: string, portfolioId: string): Promise<TPortfolio["boards"]> {
  const rows = await db.portfolioBoard.findMany({
    where: { portfolioId },
    select: {
      board: {
        select: { id: true, key: true, name: true, members: { where: { userId }, select: { role: true } } },
      },
    },
    orderBy: { board: { name: "asc" } },
  });
  return rows.map(({ board }) => ({
    id: board.id,
    key: board.key,
    name: board.name,
    member: board.members.length > 0,
  }));
}

/** The portfolios the caller belongs to (through their business boards), by name. */
export async function listPortfolios(db: Db, userId: string): Promise<TPortfolioSummary[]> {
  const rows = await db.portfolio.findMany({
    where: { businessBoard: { members: { some: { userId } } } },
    select: {
      id: true,
      name: true,
      businessBoardId: true,
      businessBoard: { select: { members: { where: { userId }, select: { role: true } } } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map(({ businessBoard, ...portfolio }) => ({
    ...portfolio,
    role: businessBoard.members[0]?.role ?? "viewer",
  }));
}
