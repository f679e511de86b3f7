import { ErrorCode, PORTFOLIO_EXPORT_FORMAT_VERSION, type TPortfolioExport } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { exportBoard } from "../board-export/export-board";
import { requirePortfolioRole } from "./require-portfolio-role";

/**
 * The portfolio as a portable document (ZPortfolioExport): its business board
 * and each team board as their own exports, and the parent links from product
 * demands to business demands that those exports leave out. It carries every
 * product demand's title, so only a member of every board in the portfolio
 * may export it (a viewer of the portfolio alone sees team boards' numbers,
 * not their titles).
 */
export async function exportPortfolio(
  db: Db,
  userId: string,
  portfolioId: string,
  now = new Date(),
): Promise<TPortfolioExport> {
  const access = await requirePortfolioRole(db, userId, portfolioId, "viewer");
  const teamBoards = await db.portfolioBoard.findMany({
    where: { portfolioId },
    orderBy: { addedAt: "asc" },
    select: {
      board: { select: { id: true, name: true, members: { where: { userId }, select: { userId: true } } } },
    },
  });
  const notMember = teamBoards
    .filter(({ board }) => board.members.length === 0)
    .map(({ board }) => board.name);
  if (notMember.length > 0) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `Exporting a portfolio takes membership of every board in it; you are not on ${notMember.join(", ")}.`,
      { boards: notMember },
    );
  }
  const businessBoard = await exportBoard(db, userId, access.businessBoardId, now);
  const teamExports = [];
  for (const { board } of teamBoards) teamExports.push(await exportBoard(db, userId, board.id, now));

  // Each board's export is its own snapshot: keep the links whose both ends made it into them.
  const exported = new Set(teamExports.flatMap((team) => team.demands.map((demand) => demand.id)));
  const businessDemands = new Set(businessBoard.demands.map((demand) => demand.id));
  const children = await db.demand.findMany({
    where: {
      boardId: { in: teamBoards.map(({ board }) => board.id) },
      parent: { boardId: access.businessBoardId },
    },
    orderBy: [{ boardId: "asc" }, { number: "asc" }],
    select: { id: true, parentId: true },
  });
  const parentLinks = children.flatMap(({ id, parentId }) =>
    parentId !== null && exported.has(id) && businessDemands.has(parentId) ? [{ childId: id, parentId }] : [],
  );
  return {
    formatVersion: PORTFOLIO_EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    portfolio: { id: access.portfolioId, name: access.name },
    businessBoard,
    teamBoards: teamExports,
    parentLinks,
  };
}
