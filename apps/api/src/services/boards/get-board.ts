import type { TBoard } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { demandViewSelect, toDemandView } from "../demands/demand-view";
import { readDependencies } from "../dependencies/read-dependencies";

/** Everything the board page needs in one read: settings, open demands and the sequence number. */
export async function getBoard(db: Db, userId: string, boardId: string): Promise<TBoard> {
  const role = await requireBoardRole(db, userId, boardId, "viewer");
  const board = await db.board.findUnique({
    where: { id: boardId },
    select: {
      id: true,
      key: true,
      name: true,
      seq: true,
      stages: { orderBy: { position: "asc" } },
      lanes: { orderBy: { position: "asc" } },
      members: { select: { userId: true, role: true, user: { select: { name: true } } } },
    },
  });
  if (!board) throw notFound("Board");
  const [criteria, demands, dependencies] = await Promise.all([
    db.criterion.findMany({
      where: { stage: { boardId } },
      orderBy: [{ stageId: "asc" }, { position: "asc" }],
    }),
    db.demand.findMany({
      where: { boardId, archivedAt: null },
      select: demandViewSelect,
      orderBy: [{ stageId: "asc" }, { laneId: "asc" }, { rank: "asc" }],
    }),
    readDependencies(db, userId, { boardId }),
  ]);
  return {
    id: board.id,
    key: board.key,
    name: board.name,
    role,
    seq: Number(board.seq),
    stages: board.stages.map(({ boardId: _boardId, ...stage }) => stage),
    lanes: board.lanes.map(({ boardId: _boardId, ...lane }) => lane),
    criteria,
    demands: demands.map((demand) => toDemandView(demand, board.key)),
    dependencies,
    members: board.members.map((member) => ({
      userId: member.userId,
      name: member.user.name,
      role: member.role,
    })),
  };
}
