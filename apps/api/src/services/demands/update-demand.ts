import { ErrorCode, type TDemandChange, type TUpdateDemandBody } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import type { BoardEventSink } from "../board-events";
import { changeDemand } from "./change-demand";
import { logDemandEvent } from "./log-demand-event";

/** Edits a demand's fields; archiving or restoring it is logged as a Transition. */
export async function updateDemand(
  deps: { db: Db; events: BoardEventSink },
  actorId: string,
  demandId: string,
  input: TUpdateDemandBody,
  now = new Date(),
): Promise<TDemandChange> {
  const { expectedVersion, archived, parentId, ownerId, links, ...fields } = input;
  return changeDemand(
    deps,
    actorId,
    demandId,
    "demand.updated",
    async (tx, demand) => {
      if (demand.archivedAt && archived !== false) {
        throw new AppError(ErrorCode.CONFLICT, "This demand is archived; restore it before editing.");
      }
      if (parentId) {
        if (parentId === demandId) throw invalidField("parentId", "a demand cannot be its own parent");
        const parent = await tx.demand.findFirst({
          where: { id: parentId, boardId: demand.boardId },
          select: { id: true },
        });
        if (!parent) throw invalidField("parentId", "is not a demand of this board");
      }
      if (ownerId) {
        const member = await tx.boardMember.findFirst({
          where: { boardId: demand.boardId, userId: ownerId },
        });
        if (!member) throw invalidField("ownerId", "is not a member of this board");
      }
      const archiving = archived !== undefined && archived !== (demand.archivedAt !== null);
      if (archiving) {
        await logDemandEvent(tx, demand, { kind: archived ? "archived" : "restored", actorId, at: now });
      }
      if (ownerId !== undefined && ownerId !== demand.ownerId) {
        await logDemandEvent(tx, demand, { kind: "owner_changed", actorId, at: now, note: ownerId });
      }
      return {
        ...fields,
        ...(links !== undefined ? { links } : {}),
        ...(parentId !== undefined
          ? { parent: parentId ? { connect: { id: parentId } } : { disconnect: true } }
          : {}),
        ...(ownerId !== undefined
          ? { owner: ownerId ? { connect: { id: ownerId } } : { disconnect: true } }
          : {}),
        ...(archiving ? { archivedAt: archived ? now : null } : {}),
      };
    },
    expectedVersion,
  );
}
