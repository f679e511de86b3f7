import type { Prisma } from "../../generated/prisma/client";
import type { LockedDemandRow } from "./change-demand";

/** The events that leave a demand in its stage and lane but still belong to its journey. */
export type InPlaceEventKind = "blocked" | "unblocked" | "archived" | "restored" | "owner_changed";

/**
 * Appends one in-place event (blocking, archiving, a change of owner) to the
 * transition log, with the demand's stage and lane as both ends. The row's
 * `note` is the blocked reason, or the new owner's user id (null: nobody).
 * Moves are logged by move-statements.ts and creations by create-demand.ts.
 */
export async function logDemandEvent(
  tx: Prisma.TransactionClient,
  demand: Pick<LockedDemandRow, "id" | "boardId" | "stageId" | "laneId">,
  event: {
    kind: InPlaceEventKind;
    actorId: string;
    at: Date;
    note?: string | null;
    /** A restore that entered a full soft-limited stage or lane. */
    overWip?: boolean;
  },
): Promise<void> {
  await tx.transition.create({
    data: {
      boardId: demand.boardId,
      demandId: demand.id,
      kind: event.kind,
      fromStageId: demand.stageId,
      toStageId: demand.stageId,
      fromLaneId: demand.laneId,
      toLaneId: demand.laneId,
      at: event.at,
      actorId: event.actorId,
      note: event.note ?? null,
      overWip: event.overWip ?? false,
    },
    select: { id: true },
  });
}
