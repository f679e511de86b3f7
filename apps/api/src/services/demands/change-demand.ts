import { ErrorCode, type TBoardEventType, type TDemandChange } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import { requireDemandAccess } from "../access/require-board-role";
import { type BoardEventSink, nextBoardSeq } from "../board-events";
import { demandViewSelect, toDemandView } from "./demand-view";
import { TRANSACTION_OPTIONS } from "./transaction-options";

export interface LockedDemandRow {
  id: string;
  boardId: string;
  stageId: string;
  laneId: string;
  version: number;
  blocked: boolean;
  archivedAt: Date | null;
  ownerId: string | null;
  type: string;
}

/**
 * The shape every non-move change of a demand shares: check access, lock the
 * demand row, let `apply` write (and append to the log where it must), bump
 * version and board sequence, and broadcast after commit.
 */
export async function changeDemand(
  { db, events }: { db: Db; events: BoardEventSink },
  actorId: string,
  demandId: string,
  eventType: Extract<TBoardEventType, `demand.${string}`>,
  apply: (tx: Prisma.TransactionClient, demand: LockedDemandRow) => Promise<Prisma.DemandUpdateInput>,
  expectedVersion?: number,
): Promise<TDemandChange> {
  const { boardId } = await requireDemandAccess(db, actorId, demandId, "member");
  const change = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<LockedDemandRow[]>`
      SELECT id, board_id AS "boardId", stage_id AS "stageId", lane_id AS "laneId", version, blocked,
             archived_at AS "archivedAt", owner_id AS "ownerId", type
      FROM demands WHERE id = ${demandId}::uuid FOR NO KEY UPDATE`;
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, "Demand was not found.");
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw new AppError(
        ErrorCode.VERSION_CONFLICT,
        "Someone else changed this demand a moment ago; reload it and try again.",
        { expectedVersion, currentVersion: row.version },
      );
    }
    const data = await apply(tx, row);
    const updated = await tx.demand.update({
      where: { id: demandId },
      data: { ...data, version: { increment: 1 } },
      select: { ...demandViewSelect, board: { select: { key: true } } },
    });
    return { demand: toDemandView(updated, updated.board.key), seq: await nextBoardSeq(tx, boardId) };
  }, TRANSACTION_OPTIONS);
  events.publish({ seq: change.seq, boardId, type: eventType, payload: { demand: change.demand } });
  return change;
}
