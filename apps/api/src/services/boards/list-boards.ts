import type { TBoardSummary } from "@tideway/contracts";
import type { Db } from "../../db/prisma";

export async function listBoards(db: Db, userId: string): Promise<TBoardSummary[]> {
  const memberships = await db.boardMember.findMany({
    where: { userId },
    select: { role: true, board: { select: { id: true, key: true, name: true } } },
    orderBy: { board: { name: "asc" } },
  });
  return memberships.map(({ role, board }) => ({ ...board, role }));
}
