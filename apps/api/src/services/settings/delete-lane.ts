import { ErrorCode, type TLaneRemoval } from "@tideway/contracts";
import { AppError, notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { laneViews, lockLanes, toLaneView, writeLaneOrder } from "./board-lanes";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";

/**
 * Removes an empty swim lane and closes the gap in the row order. Refused
 * while demands sit in the lane, for the board's last lane, and for a lane
 * the append-only transition log refers to.
 */
export async function deleteLane(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  laneId: string,
): Promise<TLaneRemoval> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const lanes = await lockLanes(tx, boardId);
    const lane = lanes.find((candidate) => candidate.id === laneId);
    if (!lane) throw notFound("Lane");
    if (lanes.length === 1) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `${lane.name} is the board's only swim lane; add another before removing it.`,
      );
    }
    // FOR UPDATE waits for demand writes that reference the lane and are not yet committed.
    await tx.$queryRaw`SELECT id FROM lanes WHERE id = ${laneId}::uuid FOR UPDATE`;
    const [open, archived, logged] = await Promise.all([
      tx.demand.count({ where: { laneId, archivedAt: null } }),
      tx.demand.count({ where: { laneId, archivedAt: { not: null } } }),
      tx.transition.count({ where: { OR: [{ toLaneId: laneId }, { fromLaneId: laneId }] } }),
    ]);
    if (open > 0) {
      throw new AppError(
        ErrorCode.LANE_NOT_EMPTY,
        `The ${lane.name} lane still holds ${open === 1 ? "1 demand" : `${open} demands`}; move or archive ${open === 1 ? "it" : "them"} before removing the lane.`,
        { laneId, demands: open },
      );
    }
    if (archived > 0 || logged > 0) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `The ${lane.name} lane cannot be removed: demands have passed through it, and the flow metrics are computed from that history. Rename or repurpose it instead.`,
        { laneId, archivedDemands: archived, transitions: logged },
      );
    }

    await tx.lane.delete({ where: { id: laneId } });
    await writeLaneOrder(
      tx,
      lanes.filter((candidate) => candidate.id !== laneId),
    );
    return {
      result: { lanes: await laneViews(tx, boardId) },
      audit: [
        { action: "lane.deleted", entity: "lane", entityId: laneId, before: toLaneView(lane), after: null },
      ],
    };
  });
}
