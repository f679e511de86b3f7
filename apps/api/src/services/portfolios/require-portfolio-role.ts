import { ErrorCode, type TBoardRole } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError, notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";

export interface PortfolioAccess {
  portfolioId: string;
  name: string;
  businessBoardId: string;
  role: TBoardRole;
}

/**
 * The first line of every portfolio service. A portfolio's members and their
 * roles are its business board's (docs/decisions/011-portfolio-membership.md),
 * so this is the board check on that board; non-members get 404.
 */
export async function requirePortfolioRole(
  db: Db,
  userId: string,
  portfolioId: string,
  minimum: TBoardRole,
): Promise<PortfolioAccess> {
  const portfolio = await db.portfolio.findUnique({
    where: { id: portfolioId },
    select: { id: true, name: true, businessBoardId: true },
  });
  if (!portfolio) throw notFound("Portfolio");
  try {
    const role = await requireBoardRole(db, userId, portfolio.businessBoardId, minimum);
    return {
      portfolioId: portfolio.id,
      name: portfolio.name,
      businessBoardId: portfolio.businessBoardId,
      role,
    };
  } catch (error) {
    // Say "portfolio", not "board": the caller asked for a portfolio.
    if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) throw notFound("Portfolio");
    throw error;
  }
}
