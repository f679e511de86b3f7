import type { TLane } from "@tideway/contracts";
import { memo } from "react";
import { useSession } from "../auth/session-store";
import { selectLaneTotal } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { selectCollapsedLanes, useBoardView } from "./board-view-store";
import { LaneHeader } from "./lane-header";
import { StageCell } from "./stage-cell";

/**
 * One swim lane across every stage: its header, then one cell per stage. The
 * lane is as tall as its fullest cell and no taller; an empty lane is one thin
 * row, and a lane folded away by hand (remembered per user and board) shows
 * only its header.
 */
export const LaneRow = memo(function LaneRow({ lane }: { lane: TLane }) {
  const stages = useBoardStore((s) => s.stages);
  const boardId = useBoardStore((s) => s.boardId);
  const userId = useSession((s) => s.user?.id);
  const empty = useBoardStore((s) => selectLaneTotal(lane.id)(s) === 0);
  const collapsed = useBoardView((s) => selectCollapsedLanes(userId, boardId)(s).includes(lane.id));
  const toggle = () => {
    if (userId && boardId) useBoardView.getState().setLaneCollapsed(userId, boardId, lane.id, !collapsed);
  };
  const cellsId = `lane-cells-${lane.id}`;
  return (
    <div
      className="lane"
      data-lane={lane.name}
      data-empty={empty || undefined}
      data-collapsed={collapsed || undefined}
    >
      <LaneHeader lane={lane} collapsed={collapsed} onToggle={toggle} cellsId={cellsId} />
      <div className="lane-cells" id={cellsId} hidden={collapsed}>
        {!collapsed &&
          stages.map((stage) => (
            <StageCell key={stage.id} stageId={stage.id} laneId={lane.id} doneStage={stage.kind === "done"} />
          ))}
      </div>
    </div>
  );
});
