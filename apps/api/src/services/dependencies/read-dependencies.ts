import type { TDependency } from "@tideway/contracts";
import { Prisma } from "../../generated/prisma/client";
import { whichAreOpen } from "./which-are-open";

type Reader = Pick<Prisma.TransactionClient, "$queryRaw" | "stage">;

interface DependencyRow {
  demandId: string;
  dependsOnId: string;
  boardId: string;
  boardKey: string;
  number: number;
  title: string;
  stageId: string;
  archived: boolean;
  visible: boolean;
}

/**
 * What demands wait on, as `viewerId` may see it: the demand depended on is
 * named (key, title, board) only when the viewer is a member of its board;
 * otherwise only whether it is still open is told. Either every dependency
 * of one demand, or of every demand on a board that is not archived;
 * oldest first.
 */
export async function readDependencies(
  db: Reader,
  viewerId: string,
  of: { demandId: string } | { boardId: string },
): Promise<TDependency[]> {
  const waiting =
    "demandId" in of
      ? Prisma.sql`dd.demand_id = ${of.demandId}::uuid`
      : Prisma.sql`w.board_id = ${of.boardId}::uuid AND w.archived_at IS NULL`;
  const rows = await db.$queryRaw<DependencyRow[]>`
    SELECT dd.demand_id::text AS "demandId", dd.depends_on_id::text AS "dependsOnId",
      t.board_id::text AS "boardId", b.key AS "boardKey", t.number, t.title, t.stage_id::text AS "stageId",
      t.archived_at IS NOT NULL AS archived, m.user_id IS NOT NULL AS visible
    FROM demand_dependencies dd
    JOIN demands w ON w.id = dd.demand_id
    JOIN demands t ON t.id = dd.depends_on_id
    JOIN boards b ON b.id = t.board_id
    LEFT JOIN board_members m ON m.board_id = t.board_id AND m.user_id = ${viewerId}::uuid
    WHERE ${waiting}
    ORDER BY dd.created_at, dd.depends_on_id`;
  const open = await whichAreOpen(db, rows);
  return rows.map((row, index) => ({
    demandId: row.demandId,
    dependsOnId: row.dependsOnId,
    open: open[index] ?? true,
    visible: row.visible,
    key: row.visible ? `${row.boardKey}-${row.number}` : null,
    title: row.visible ? row.title : null,
    boardId: row.visible ? row.boardId : null,
  }));
}
