import type { TBoardChildren, TBusinessDemandProgress, TTeamProgress } from "@tideway/contracts";
import { childProgress, childState } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { stageOrders } from "./check-acceptance-gate";

interface ChildRow {
  id: string;
  parentId: string;
  number: number;
  title: string;
  boardId: string;
  boardKey: string;
  boardName: string;
  stageId: string;
  blocked: boolean;
  /** Whether the reader is a member of the child's board. */
  member: boolean;
}

interface OverrideRow {
  demandId: string;
  reason: string;
  at: Date;
  actorName: string | null;
}

/**
 * The progress of each open demand of a board whose children are on other
 * boards (a business demand split across teams): n of m delivered, and per
 * team how many are delivered, blocked and waiting. Keys and titles of the
 * children show only on team boards the reader is a member of; elsewhere the
 * team's counts alone ("Team X: 2 of 3 delivered"). With the last override
 * of the acceptance gate, if any.
 */
export async function listBoardChildren(db: Db, userId: string, boardId: string): Promise<TBoardChildren> {
  await requireBoardRole(db, userId, boardId, "viewer");
  const children = await db.$queryRaw<ChildRow[]>`
    SELECT c.id, c.parent_id AS "parentId", c.number, c.title, c.board_id AS "boardId", b.key AS "boardKey",
      b.name AS "boardName", c.stage_id AS "stageId", c.blocked, (m.user_id IS NOT NULL) AS member
    FROM demands p
    JOIN demands c ON c.parent_id = p.id AND c.board_id <> p.board_id AND c.archived_at IS NULL
    JOIN boards b ON b.id = c.board_id
    LEFT JOIN board_members m ON m.board_id = c.board_id AND m.user_id = ${userId}::uuid
    WHERE p.board_id = ${boardId}::uuid AND p.archived_at IS NULL
    ORDER BY b.name, c.number`;
  if (children.length === 0) return { demands: [] };
  const [orders, overrides] = await Promise.all([stageOrders(db, children), lastOverrides(db, boardId)]);

  const byParent = new Map<string, ChildRow[]>();
  for (const child of children)
    byParent.set(child.parentId, [...(byParent.get(child.parentId) ?? []), child]);
  const demands: TBusinessDemandProgress[] = [...byParent].map(([demandId, rows]) => {
    const progress = childProgress(rows, orders);
    const teams: TTeamProgress[] = progress.teams.map((team) => {
      const onTeam = rows.filter((row) => row.boardId === team.boardId);
      const first = onTeam[0];
      return {
        ...team,
        name: first?.boardName ?? "",
        children: first?.member
          ? onTeam.map((row) => ({
              id: row.id,
              key: `${row.boardKey}-${row.number}`,
              title: row.title,
              state: childStateOf(row, orders),
            }))
          : null,
      };
    });
    const override = overrides.get(demandId);
    return {
      demandId,
      total: progress.total,
      delivered: progress.delivered,
      teams,
      override: override
        ? { reason: override.reason, at: override.at.toISOString(), actorName: override.actorName }
        : null,
    };
  });
  return { demands };
}

function childStateOf(row: ChildRow, orders: Awaited<ReturnType<typeof stageOrders>>) {
  const order = orders.get(row.boardId);
  return order ? childState(order, row.stageId, row.blocked) : "waiting";
}

/** The latest acceptance-gate override of each demand of the board. */
async function lastOverrides(db: Db, boardId: string): Promise<Map<string, OverrideRow>> {
  const rows = await db.$queryRaw<OverrideRow[]>`
    SELECT DISTINCT ON (a.entity_id) a.entity_id AS "demandId", a.after ->> 'reason' AS reason, a.at,
      u.name AS "actorName"
    FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
    WHERE a.board_id = ${boardId}::uuid AND a.action = 'demand.acceptance_overridden'
    ORDER BY a.entity_id, a.at DESC, a.id DESC`;
  return new Map(rows.map((row) => [row.demandId, row]));
}
