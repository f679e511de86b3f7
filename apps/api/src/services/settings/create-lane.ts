import type { TCreateLaneBody, TLaneChange } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import { laneViews, lockLanes, toLaneView, writeLaneOrder } from "./board-lanes";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";
import { placeAt } from "./dense-order";

/** Adds a swim lane at `position` (default: last), moving the lanes after it one row down. */
export async function createLane(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  input: TCreateLaneBody,
): Promise<TLaneChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const lanes = await lockLanes(tx, boardId);
    const position = Math.min(input.position ?? lanes.length, lanes.length);
    const created = await tx.lane.create({
      data: { boardId, name: input.name, wipLimit: input.wipLimit, wipPolicy: input.wipPolicy, position },
    });
    await writeLaneOrder(tx, placeAt(lanes, created, position));
    const lane = toLaneView(created);
    return {
      result: { lane, lanes: await laneViews(tx, boardId) },
      audit: [{ action: "lane.created", entity: "lane", entityId: lane.id, before: null, after: lane }],
    };
  });
}
