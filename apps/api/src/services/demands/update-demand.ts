import { ErrorCode, type TDemandChange, type TUpdateDemandBody } from "@tideway/contracts";
import { parentRefusal, typeChangeRefusal } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import type { BoardEventSink } from "../board-events";
import { announceToDependents } from "../dependencies/announce-to-dependents";
import { changeDemand, type LockedDemandRow } from "./change-demand";
import { logDemandEvent } from "./log-transitions";
import { admitDemand } from "./wip-checks";

/**
 * Edits a demand's fields; archiving or restoring it is logged as a
 * Transition. Restoring passes the WIP checks of any entry into its stage and
 * lane (admitDemand), so a full stage stays full.
 */
export async function updateDemand(
  deps: { db: Db; events: BoardEventSink },
  actorId: string,
  demandId: string,
  input: TUpdateDemandBody,
  now = new Date(),
): Promise<TDemandChange> {
  const { expectedVersion, archived, parentId, ownerId, links, ...fields } = input;
  const change = await changeDemand(
    deps,
    actorId,
    demandId,
    "demand.updated",
    async (tx, demand) => {
      if (demand.archivedAt && archived !== false) {
        throw new AppError(ErrorCode.CONFLICT, "This demand is archived; restore it before editing.");
      }
      if (parentId) {
        const parent = await tx.demand.findFirst({
          where: { id: parentId, boardId: demand.boardId },
          select: { id: true, type: true },
        });
        const refusal = parent ? parentRefusal(demandId, parent) : "is not a demand of this board";
        if (refusal !== null) throw invalidField("parentId", refusal);
      }
      if (fields.type !== undefined && fields.type !== demand.type) {
        const refusal = typeChangeRefusal(
          fields.type,
          await tx.demand.count({ where: { parentId: demandId } }),
        );
        if (refusal !== null) throw invalidField("type", refusal);
      }
      if (ownerId) {
        const member = await tx.boardMember.findFirst({
          where: { boardId: demand.boardId, userId: ownerId },
        });
        if (!member) throw invalidField("ownerId", "is not a member of this board");
      }
      const archiving = archived !== undefined && archived !== (demand.archivedAt !== null);
      if (archiving) {
        // Restoring puts the demand back on the board: it enters its stage and lane again.
        const overWip = archived ? false : await admitRestored(tx, demand);
        await logDemandEvent(tx, demand, {
          kind: archived ? "archived" : "restored",
          actorId,
          at: now,
          overWip,
        });
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
  // Archived work holds nobody up (and restored work does again): tell the boards waiting on it.
  if (archived !== undefined) await announceToDependents(deps, demandId).catch(() => {});
  return change;
}

async function admitRestored(tx: Prisma.TransactionClient, demand: LockedDemandRow): Promise<boolean> {
  const stages = await tx.stage.findMany({
    where: { boardId: demand.boardId },
    orderBy: { position: "asc" },
  });
  const lane = await tx.lane.findUniqueOrThrow({ where: { id: demand.laneId } });
  const stage = stages.find((candidate) => candidate.id === demand.stageId);
  if (!stage) throw new Error(`demand ${demand.id} stands in a stage of another board`);
  return admitDemand(tx, stage, lane, stages, demand.id);
}
