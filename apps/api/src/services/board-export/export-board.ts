import { BOARD_EXPORT_FORMAT_VERSION, type TBoardExport, ZExportedBoardSettings } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { safeLinks } from "../demands/demand-view";

const iso = (at: Date) => at.toISOString();
const isoOrNull = (at: Date | null) => (at === null ? null : at.toISOString());

/**
 * The board as a portable document (see ZBoardExport): settings, stages,
 * lanes, criteria, every demand (archived ones too) with its checks,
 * comments and dependencies, the whole transition log and the pipeline's
 * code events. Any member may export what they can already read; secrets
 * and emails never leave.
 * One repeatable-read snapshot, so a move during the export cannot leave a
 * transition without its demand.
 */
export async function exportBoard(
  db: Db,
  userId: string,
  boardId: string,
  now = new Date(),
): Promise<TBoardExport> {
  await requireBoardRole(db, userId, boardId, "viewer");
  return db.$transaction(
    async (tx) => {
      const board = await tx.board.findUnique({
        where: { id: boardId },
        select: {
          id: true,
          key: true,
          name: true,
          settings: true,
          createdAt: true,
          nextDemandNumber: true,
          members: {
            select: { userId: true, role: true, user: { select: { name: true } } },
            orderBy: { createdAt: "asc" },
          },
        },
      });
      if (!board) throw notFound("Board");
      const [stages, lanes, criteria, demands, transitions, codeEvents] = await Promise.all([
        tx.stage.findMany({ where: { boardId }, orderBy: { position: "asc" } }),
        tx.lane.findMany({ where: { boardId }, orderBy: { position: "asc" } }),
        tx.criterion.findMany({
          where: { stage: { boardId } },
          orderBy: [{ stageId: "asc" }, { position: "asc" }],
        }),
        tx.demand.findMany({
          where: { boardId },
          orderBy: { number: "asc" },
          include: {
            checks: { orderBy: { checkedAt: "asc" } },
            comments: {
              where: { deletedAt: null },
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { authorId: true, body: true, mentions: true, createdAt: true, editedAt: true },
            },
            dependsOn: {
              orderBy: [{ createdAt: "asc" }, { dependsOnId: "asc" }],
              select: { dependsOnId: true, createdById: true, createdAt: true },
            },
          },
        }),
        tx.transition.findMany({ where: { boardId }, orderBy: { id: "asc" } }),
        tx.codeEvent.findMany({
          where: { boardId },
          orderBy: [{ at: "asc" }, { id: "asc" }],
          include: { demands: { select: { demandId: true } } },
        }),
      ]);
      const exportedIds = new Set(demands.map((demand) => demand.id));
      return {
        formatVersion: BOARD_EXPORT_FORMAT_VERSION,
        exportedAt: iso(now),
        board: {
          id: board.id,
          key: board.key,
          name: board.name,
          settings: exportedSettings(board.settings),
          createdAt: iso(board.createdAt),
          nextDemandNumber: board.nextDemandNumber,
        },
        members: board.members.map((member) => ({
          userId: member.userId,
          name: member.user.name,
          role: member.role,
        })),
        stages: stages.map(({ boardId: _boardId, ...stage }) => stage),
        lanes: lanes.map(({ boardId: _boardId, ...lane }) => lane),
        criteria,
        demands: demands.map(({ boardId: _boardId, checks, comments, dependsOn, links, ...demand }) => ({
          ...demand,
          // A business demand on a portfolio's board is not in this board's export.
          parentId: demand.parentId !== null && exportedIds.has(demand.parentId) ? demand.parentId : null,
          links: safeLinks(links),
          blockedAt: isoOrNull(demand.blockedAt),
          archivedAt: isoOrNull(demand.archivedAt),
          enteredStageAt: iso(demand.enteredStageAt),
          committedAt: isoOrNull(demand.committedAt),
          createdAt: iso(demand.createdAt),
          updatedAt: iso(demand.updatedAt),
          checks: checks.map((check) => ({
            criterionId: check.criterionId,
            checkedById: check.checkedById,
            checkedAt: iso(check.checkedAt),
          })),
          comments: comments.map((comment) => ({
            ...comment,
            createdAt: iso(comment.createdAt),
            editedAt: isoOrNull(comment.editedAt),
          })),
          // As for parents: a demand waited on from another board is not in this board's export.
          dependencies: dependsOn
            .filter((dependency) => exportedIds.has(dependency.dependsOnId))
            .map((dependency) => ({ ...dependency, createdAt: iso(dependency.createdAt) })),
        })),
        transitions: transitions.map(({ boardId: _boardId, ...transition }) => ({
          ...transition,
          id: transition.id.toString(),
          at: iso(transition.at),
        })),
        codeEvents: codeEvents.map(({ boardId: _boardId, demands: links, ...event }) => ({
          ...event,
          at: iso(event.at),
          receivedAt: iso(event.receivedAt),
          demandIds: links.map((link) => link.demandId),
        })),
      };
    },
    // Reading a large board's log takes a while; nothing is locked meanwhile.
    { isolationLevel: "RepeatableRead", maxWait: 5_000, timeout: 120_000 },
  );
}

/** The settings a document may carry (ZExportedBoardSettings), never the alert webhook's URL or secret. */
function exportedSettings(stored: unknown) {
  const parsed = ZExportedBoardSettings.safeParse(stored);
  return parsed.success ? parsed.data : {};
}
