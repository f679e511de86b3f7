import type { Db } from "../../db/prisma";
import { type BoardEventSink, nextBoardSeq } from "../board-events";

/**
 * After a demand was delivered, taken back out of delivery, archived or
 * restored: tells each board whose demands wait on it (`dependency.changed`,
 * at that board's next seq), so their cards' "waiting on" updates live.
 * Runs after the change committed; a failure here loses only the live
 * update (clients refetch on their next gap or reload), never the change.
 */
export async function announceToDependents(
  { db, events }: { db: Db; events: BoardEventSink },
  awaitedId: string,
): Promise<void> {
  const waiting = await db.$queryRaw<{ demandId: string; boardId: string }[]>`
    SELECT dd.demand_id::text AS "demandId", w.board_id::text AS "boardId"
    FROM demand_dependencies dd JOIN demands w ON w.id = dd.demand_id
    WHERE dd.depends_on_id = ${awaitedId}::uuid AND w.archived_at IS NULL`;
  for (const { demandId, boardId } of waiting) {
    const seq = await db.$transaction((tx) => nextBoardSeq(tx, boardId));
    events.publish({ seq, boardId, type: "dependency.changed", payload: { demandId } });
  }
}
