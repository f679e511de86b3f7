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
  return atLeast(membership.role, minimum);
}

function atLeast(role: TBoardRole, minimum: TBoardRole): TBoardRole {
  if (RANK[role] < RANK[minimum]) throw roleRefusal(role, minimum);
  return role;
}

/** The 403 for a role below `minimum` (also for the move statement's own role check). */
export function roleRefusal(role: TBoardRole, minimum: TBoardRole): AppError {
  return new AppError(
    ErrorCode.FORBIDDEN,
    `Your role on this board is ${role}; you need ${minimum} to ${ACTION[minimum]}.`,
  );
}

/**
 * Finds the board of a demand (and its key, for the demand's human key) and
 * checks the caller's role on it, in one query: it is the first step of
 * every move, the hottest write path. A demand on a board you cannot see
 * does not exist for you (404).
 */
export async function requireDemandAccess(
  db: Db,
  userId: string,
  demandId: string,
  minimum: TBoardRole,
): Promise<{ boardId: string; boardKey: string; role: TBoardRole }> {
  const [access] = await db.$queryRaw<{ board_id: string; board_key: string; role: TBoardRole | null }[]>`
    SELECT d.board_id, b.key AS board_key, m.role::text AS role
    FROM demands d
    JOIN boards b ON b.id = d.board_id
    LEFT JOIN board_members m ON m.board_id = d.board_id AND m.user_id = ${userId}::uuid
    WHERE d.id = ${demandId}::uuid`;
  if (!access?.role) throw new AppError(ErrorCode.NOT_FOUND, "Demand was not found.");
  return { boardId: access.board_id, boardKey: access.board_key, role: atLeast(access.role, minimum) };
}
