import type { TLane } from "@tideway/contracts";
import { memo } from "react";
import { selectLaneCount, wipStatus } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { WipCount } from "./wip-count";

/** A swim lane's title row; its limit counts work in progress only (committed, not yet delivered). */
export const LaneHeader = memo(function LaneHeader({ lane }: { lane: TLane }) {
  const count = useBoardStore(selectLaneCount(lane.id));
  return (
    <div
      className="lane-header"
      data-lane={lane.name}
      data-wip={wipStatus(count, lane.wipLimit, lane.wipPolicy)}
    >
      <h3>{lane.name}</h3>
      {lane.wipLimit !== null && <WipCount count={count} limit={lane.wipLimit} policy={lane.wipPolicy} />}
    </div>
  );
});
