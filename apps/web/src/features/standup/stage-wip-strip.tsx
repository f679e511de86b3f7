import type { TDemand } from "@tideway/contracts";
import { orderStages, stagesBeforeDelivery } from "@tideway/domain";
import { useMemo } from "react";
import { type WipStatus, wipStatus } from "../board/board-selectors";
import { useBoardStore } from "../board/board-store";

const WIP_WORDS: Record<WipStatus, string> = {
  unlimited: "",
  within: "",
  "at-limit": "at limit",
  full: "full",
  over: "over limit",
};

function countByStage(demands: Readonly<Record<string, TDemand>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const demand of Object.values(demands))
    counts.set(demand.stageId, (counts.get(demand.stageId) ?? 0) + 1);
  return counts;
}

/** Every stage before delivery with its work in progress against its limit; the one under discussion marked. */
export function StageWipStrip({ currentStageId }: { currentStageId: string | null }) {
  const stages = useBoardStore((s) => s.stages);
  const demands = useBoardStore((s) => s.demands);
  const counts = useMemo(() => countByStage(demands), [demands]);
  const shown = useMemo(() => stagesBeforeDelivery(orderStages(stages)), [stages]);

  return (
    <nav className="standup-stages" aria-label="Stages, work in progress against the limit">
      <ol>
        {shown.map((stage) => {
          const count = counts.get(stage.id) ?? 0;
          const status = wipStatus(count, stage.wipLimit, stage.wipPolicy);
          const current = stage.id === currentStageId;
          return (
            <li
              key={stage.id}
              data-stage={stage.name}
              data-wip={status}
              aria-current={current ? "step" : undefined}
            >
              <span className="standup-stage-name">{stage.name}</span>
              <span className="standup-wip">
                {stage.wipLimit === null ? count : `${count} / ${stage.wipLimit}`}
                {WIP_WORDS[status] && <span className="standup-wip-words"> {WIP_WORDS[status]}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
