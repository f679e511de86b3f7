import { ErrorCode, type TCreateChildBody, type TDemandChange } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import { requireDemandAccess } from "../access/require-board-role";
import type { BoardEventSink } from "../board-events";
import { createDemand } from "../demands/create-demand";

/**
 * Splits a business demand: creates a product demand on one of its
 * portfolio's team boards, with the business demand as its parent (the
 * requirement hierarchy business -> product). The caller must be a member
 * of both boards; the child is created like any demand of the team board.
 */
export async function createChildDemand(
  deps: { db: Db; events: BoardEventSink },
  actorId: string,
  parentId: string,
  input: TCreateChildBody,
  now = new Date(),
): Promise<TDemandChange> {
  const { db } = deps;
  const parent = await requireDemandAccess(db, actorId, parentId, "member");
  const portfolio = await db.portfolio.findUnique({
    where: { businessBoardId: parent.boardId },
    select: { boards: { where: { boardId: input.boardId }, select: { boardId: true } } },
  });
  if (!portfolio) {
    throw new AppError(
      ErrorCode.CONFLICT,
      "Only a business demand (on a portfolio's business board) is split into product demands on team boards.",
    );
  }
  if (portfolio.boards.length === 0) throw invalidField("boardId", "is not a team board of this portfolio");
  return createDemand(
    deps,
    actorId,
    input.boardId,
    { title: input.title, description: "", type: input.type, size: input.size, parentId },
    now,
    parent.boardId,
  );
}
