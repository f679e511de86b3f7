import type { Db } from "../../db/prisma";
import type { BoardEventSink } from "../board-events";

/**
 * After a demand was delivered, taken back out of delivery, archived or
 * restored: tells each board whose demands wait on it (`dependency.changed`
 * per waiting demand, at that board's next seqs), so their cards' "waiting
 * on" updates live. One statement reserves the seqs of every waiting board at
 * once. Runs after the change committed; a failure here loses only the live
 * update (clients refetch on their next gap or reload), never the change.
 */
export async function announceToDependents(
  { db, events }: { db: Db; events: BoardEventSink },
  awaitedId: string,
): Promise<void> {
  const boards = await db.$queryRaw<{ boardId: string; lastSeq: bigint; demandIds: string[] }[]>`
    WITH waiting AS (
      SELECT w.board_id, array_agg(w.id::text ORDER BY w.id) AS demand_ids
      FROM demand_dependencies dd JOIN demands w ON w.id = dd.demand_id
      WHERE dd.depends_on_id = ${awaitedId}::uuid AND w.archived_at IS NULL
      GROUP BY w.board_id)
    UPDATE boards b SET seq = b.seq + cardinality(waiting.demand_ids)
    FROM waiting WHERE b.id = waiting.board_id
    RETURNING b.id::text AS "boardId", b.seq AS "lastSeq", waiting.demand_ids AS "demandIds"`;
  for (const { boardId, lastSeq, demandIds } of boards) {
    // The board's seqs lastSeq - n + 1 … lastSeq, one per waiting demand, in order.
    const firstSeq = Number(lastSeq) - demandIds.length + 1;
    demandIds.forEach((demandId, index) => {
      events.publish({ seq: firstSeq + index, boardId, type: "dependency.changed", payload: { demandId } });
    });
  }
}
