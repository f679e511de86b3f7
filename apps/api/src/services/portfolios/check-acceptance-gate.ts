import { ErrorCode } from "@tideway/contracts";
import {
  childProgress,
  type FlowStage,
  orderStages,
  passesAcceptanceGate,
  type StageOrder,
  undeliveredChildrenMessage,
} from "@tideway/domain";
import { AppError } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../settings/record-audit-event";

type Tx = Prisma.TransactionClient;

export interface GateMove {
  board: { id: string; key: string };
  demandId: string;
  actorId: string;
  fromStageId: string;
  toStageId: string;
  /** The business board's stages. */
  stages: readonly FlowStage[];
  /** Why the demand passes with children undelivered (`acceptanceOverride`). */
  override: string | undefined;
}

interface ChildRow {
  boardId: string;
  boardName: string;
  stageId: string;
  blocked: boolean;
}

/**
 * The acceptance gate, inside the move's transaction: a business demand may
 * pass its board's gate stage (`passesAcceptanceGate`) only when every
 * child on the team boards is delivered, as each team board defines
 * delivered; otherwise a member gives a reason, which is audited. The
 * children are read FOR SHARE, so none can leave Done until the move commits.
 * Only a move that passes the gate reads anything; a demand without
 * children on other boards passes as before.
 */
export async function checkAcceptanceGate(tx: Tx, move: GateMove): Promise<void> {
  const order = orderStages(move.stages);
  const rank = (stageId: string) => order.rankOf.get(stageId) ?? -1;
  if (!passesAcceptanceGate(order, rank(move.fromStageId), rank(move.toStageId))) return;

  const children = await tx.$queryRaw<ChildRow[]>`
    SELECT c.board_id AS "boardId", b.name AS "boardName", c.stage_id AS "stageId", c.blocked
    FROM demands c JOIN boards b ON b.id = c.board_id
    WHERE c.parent_id = ${move.demandId}::uuid AND c.board_id <> ${move.board.id}::uuid AND c.archived_at IS NULL
    ORDER BY b.name, c.number
    FOR SHARE OF c`;
  if (children.length === 0) return;
  const progress = childProgress(children, await stageOrders(tx, children));
  if (progress.delivered === progress.total) return;

  const teamName = new Map(children.map((child) => [child.boardId, child.boardName]));
  const undeliveredByTeam = progress.teams
    .filter((team) => team.delivered < team.total)
    .map((team) => ({
      boardId: team.boardId,
      teamName: teamName.get(team.boardId) ?? "",
      undelivered: team.total - team.delivered,
    }));
  const undelivered = progress.total - progress.delivered;
  if (move.override === undefined) {
    throw new AppError(
      ErrorCode.CHILDREN_UNDELIVERED,
      undeliveredChildrenMessage(undeliveredByTeam, progress.total),
      {
        total: progress.total,
        undelivered,
        teams: undeliveredByTeam,
      },
    );
  }
  const [demand] = await tx.$queryRaw<{ number: number }[]>`
    SELECT number FROM demands WHERE id = ${move.demandId}::uuid`;
  await recordAuditEvent(tx, move.board.id, move.actorId, {
    action: "demand.acceptance_overridden",
    entity: "demand",
    entityId: move.demandId,
    before: null,
    after: {
      key: `${move.board.key}-${demand?.number ?? "?"}`,
      reason: move.override,
      undelivered,
      total: progress.total,
      toStageId: move.toStageId,
    },
  });
}

/** Each team board's stage order, for the boards the children are on. */
export async function stageOrders(
  tx: Pick<Tx, "stage">,
  children: readonly { boardId: string }[],
): Promise<Map<string, StageOrder>> {
  const boardIds = [...new Set(children.map((child) => child.boardId))];
  const stages = await tx.stage.findMany({
    where: { boardId: { in: boardIds } },
    select: { id: true, boardId: true, position: true, kind: true, boundary: true },
  });
  const byBoard = new Map<string, FlowStage[]>();
  for (const { boardId, ...stage } of stages) {
    const list = byBoard.get(boardId) ?? [];
    list.push(stage);
    byBoard.set(boardId, list);
  }
  return new Map([...byBoard].map(([boardId, list]) => [boardId, orderStages(list)]));
}
