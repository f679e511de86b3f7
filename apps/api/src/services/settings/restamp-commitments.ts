import {
  boundaryTimes,
  committedStages,
  epochMs,
  type FlowEvent,
  type FlowStage,
  orderStages,
} from "@tideway/domain";
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;

interface LoggedRow {
  demandId: string;
  committedAt: Date | null;
  kind: FlowEvent["kind"];
  fromStageId: string | null;
  toStageId: string;
  at: Date;
}

/**
 * Keeps each demand's stored `committedAt` true to the board's commitment
 * point after a stage change (a boundary marked, cleared or moved, a stage
 * added, removed, reordered or of another kind). Moves stamp `committedAt`
 * when a demand first enters a committed stage; once the set of committed
 * stages changes, the stamp is read again from the transition log with the
 * same rule the metrics use (`boundaryTimes`), so the cards' ages, the
 * stand-up and the SLE sweep keep agreeing with the dashboard. Returns how
 * many demands changed; nothing is read when the committed stages did not.
 */
export async function restampCommitments(
  tx: Tx,
  boardId: string,
  before: readonly FlowStage[],
): Promise<number> {
  const after = await tx.stage.findMany({
    where: { boardId },
    select: { id: true, position: true, kind: true, boundary: true },
  });
  const order = orderStages(after);
  const committedBefore = new Set(committedStages(orderStages(before)).map((stage) => stage.id));
  const committedAfter = committedStages(order);
  const unchanged =
    committedBefore.size === committedAfter.length &&
    committedAfter.every((stage) => committedBefore.has(stage.id));
  if (unchanged) return 0;

  const rows = await tx.$queryRaw<LoggedRow[]>`
    SELECT d.id::text AS "demandId", d.committed_at AS "committedAt", t.kind::text AS kind,
      t.from_stage_id::text AS "fromStageId", t.to_stage_id::text AS "toStageId", t.at
    FROM demands d JOIN transitions t ON t.demand_id = d.id
    WHERE d.board_id = ${boardId}::uuid AND t.board_id = ${boardId}::uuid
    ORDER BY d.id, t.at, t.id`;
  const ids: string[] = [];
  const stamps: (Date | null)[] = [];
  let start = 0;
  while (start < rows.length) {
    const first = rows[start] as LoggedRow;
    let end = start;
    while (end < rows.length && rows[end]?.demandId === first.demandId) end += 1;
    const events = rows.slice(start, end).map((row) => ({
      at: epochMs(row.at.getTime()),
      kind: row.kind,
      fromStageId: row.fromStageId,
      toStageId: row.toStageId,
    }));
    const { committedAt } = boundaryTimes(events, order);
    if ((committedAt ?? null) !== (first.committedAt?.getTime() ?? null)) {
      ids.push(first.demandId);
      stamps.push(committedAt === null ? null : new Date(committedAt));
    }
    start = end;
  }
  if (ids.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE demands d SET committed_at = stamp.at
    FROM unnest(${ids}::uuid[], ${stamps}::timestamptz[]) AS stamp(id, at)
    WHERE d.id = stamp.id`;
  return ids.length;
}
