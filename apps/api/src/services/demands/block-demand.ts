import { ErrorCode, type TDemandChange } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import type { BoardEventSink } from "../board-events";
import { changeDemand } from "./change-demand";
import { logDemandEvent } from "./log-transitions";

type Deps = { db: Db; events: BoardEventSink };

/**
 * Marks a demand blocked with a reason. Blocked time counts as waiting in
 * flow efficiency, so the start and end are logged like stage changes.
 */
export function blockDemand(deps: Deps, actorId: string, demandId: string, reason: string, now = new Date()) {
  return setBlocked(deps, actorId, demandId, reason, now);
}

export function unblockDemand(deps: Deps, actorId: string, demandId: string, now = new Date()) {
  return setBlocked(deps, actorId, demandId, null, now);
}

async function setBlocked(
  deps: Deps,
  actorId: string,
  demandId: string,
  reason: string | null,
  now: Date,
): Promise<TDemandChange> {
  const blocking = reason !== null;
  return changeDemand(
    deps,
    actorId,
    demandId,
    blocking ? "demand.blocked" : "demand.unblocked",
    async (tx, demand) => {
      if (demand.archivedAt) throw new AppError(ErrorCode.CONFLICT, "This demand is archived.");
      if (demand.blocked === blocking) {
        // Re-blocking only updates the reason; unblocking twice changes nothing but is not an error.
        return blocking ? { blockedReason: reason } : {};
      }
      await logDemandEvent(tx, demand, {
        kind: blocking ? "blocked" : "unblocked",
        actorId,
        at: now,
        note: reason,
      });
      return { blocked: blocking, blockedReason: reason, blockedAt: blocking ? now : null };
    },
  );
}
