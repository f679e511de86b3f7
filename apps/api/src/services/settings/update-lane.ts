import type { TLaneChange, TUpdateLaneBody } from "@tideway/contracts";
import { notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { laneViews, lockLanes, toLaneView, writeLaneOrder } from "./board-lanes";
import { changedFields } from "./changed-fields";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";
import { placeAt } from "./dense-order";

/** Renames, reorders or re-limits a swim lane; fields already so are neither written nor audited. */
export async function updateLane(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  laneId: string,
  input: TUpdateLaneBody,
): Promise<TLaneChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const lanes = await lockLanes(tx, boardId);
    const current = lanes.find((lane) => lane.id === laneId);
    if (!current) throw notFound("Lane");

    const { position, ...fields } = input;
    const data = changedFields(current, fields);
    if (Object.keys(data).length > 0) await tx.lane.update({ where: { id: laneId }, data });
    if (position !== undefined) await writeLaneOrder(tx, placeAt(lanes, current, position));

    const lanesAfter = await laneViews(tx, boardId);
    const lane = lanesAfter.find((candidate) => candidate.id === laneId) ?? toLaneView(current);
    const changed = Object.keys(data).length > 0 || lane.position !== current.position;
    return {
      result: { lane, lanes: lanesAfter },
      audit: changed
        ? [
            {
              action: "lane.updated",
              entity: "lane",
              entityId: laneId,
              before: toLaneView(current),
              after: lane,
            },
          ]
        : [],
    };
  });
}
