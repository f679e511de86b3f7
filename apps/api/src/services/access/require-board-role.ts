import { ErrorCode, type TBoardRole } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";

const RANK: Record<TBoardRole, number> = { viewer: 0, member: 1, admin: 2 };

const ACTION: Record<TBoardRole, string> = {
  viewer: "read this board",
  member: "change demands on this board",
  admin: "change this board's settings",
};

/**
 * The first line of every board service, for REST and socket paths alike.
 * Non-members get 404, not 403, so board ids cannot be probed.
 */
export async function requireBoardRole(
  db: Db,
  userId: string,
  boardId: string,
  minimum: TBoardRole,
): Promise<TBoardRole> {
  const membership = await db.boardMember.findUnique({
    where: { boardId_userId: { boardId, userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError(ErrorCode.NOT_FOUND, "Board was not found.");
  if (RANK[membership.role] < RANK[minimum]) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `Your role on this board is ${membership.role}; you need ${minimum} to ${ACTION[minimum]}.`,
    );
  }
  return membership.role;
}

/** Finds the board of a demand and checks the caller's role on it. */
export async function requireDemandAccess(
  db: Db,
  userId: string,
  demandId: string,
  minimum: TBoardRole,
): Promise<{ boardId: string; role: TBoardRole }> {
  const demand = await db.demand.findUnique({ where: { id: demandId }, select: { boardId: true } });
  if (!demand) throw new AppError(ErrorCode.NOT_FOUND, "Demand was not found.");
  try {
    return { boardId: demand.boardId, role: await requireBoardRole(db, userId, demand.boardId, minimum) };
  } catch (error) {
    // A demand on a board you cannot see does not exist for you.
    if (error instanceof AppError && error.code === ErrorCode.NOT_FOUND) {
      throw new AppError(ErrorCode.NOT_FOUND, "Demand was not found.");
    }
    throw error;
  }
}
