import type { TLane } from "@tideway/contracts";
import { memo } from "react";
import { useT } from "../../i18n/use-t";
import { selectLaneCount, selectLaneTotal, wipStatus } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { WipCount } from "./wip-count";

interface LaneHeaderProps {
  lane: TLane;
  collapsed: boolean;
  onToggle: () => void;
  /** The id of the lane's cells, which the toggle shows and hides. */
  cellsId: string;
}

/**
 * A swim lane's title row: a toggle that folds the lane away, its name, how
 * many cards it holds, and its WIP against its limit (which counts work in
 * progress only: committed, not yet delivered).
 */
export const LaneHeader = memo(function LaneHeader({ lane, collapsed, onToggle, cellsId }: LaneHeaderProps) {
  const inProgress = useBoardStore(selectLaneCount(lane.id));
  const total = useBoardStore(selectLaneTotal(lane.id));
  const t = useT();
  return (
    <div
      className="lane-header"
      data-lane={lane.name}
      data-wip={wipStatus(inProgress, lane.wipLimit, lane.wipPolicy)}
    >
      <div className="lane-title">
        <button
          type="button"
          className="lane-toggle"
          aria-expanded={!collapsed}
          aria-controls={cellsId}
          aria-label={t(collapsed ? "lane.show" : "lane.hide", { lane: lane.name })}
          onClick={onToggle}
        >
          <span aria-hidden="true">{collapsed ? "▸" : "▾"}</span>
        </button>
        <h3>{lane.name}</h3>
        <span className="lane-total">{t("lane.cards", { count: total })}</span>
        {lane.wipLimit !== null && (
          <span className="lane-wip">
            {t("lane.wip")} <WipCount count={inProgress} limit={lane.wipLimit} policy={lane.wipPolicy} />
          </span>
        )}
      </div>
    </div>
  );
});
