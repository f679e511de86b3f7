import type { TDemand } from "@tideway/contracts";
import { orderStages, stagesBeforeDelivery } from "@tideway/domain";
import { useMemo } from "react";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { type WipStatus, wipStatus } from "../board/board-selectors";
import { useBoardStore } from "../board/board-store";

const WIP_WORDS: Record<WipStatus, MessageId | null> = {
  unlimited: null,
  within: null,
  "at-limit": "wip.atLimit",
  full: "wip.full",
  over: "wip.over",
};

function countByStage(demands: Readonly<Record<string, TDemand>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const demand of Object.values(demands))
    counts.set(demand.stageId, (counts.get(demand.stageId) ?? 0) + 1);
  return counts;
}

/** Every stage before delivery with its work in progress against its limit; the one under discussion marked. */
export function StageWipStrip({ currentStageId }: { currentStageId: string | null }) {
  const t = useT();
  const stages = useBoardStore((s) => s.stages);
  const demands = useBoardStore((s) => s.demands);
  const counts = useMemo(() => countByStage(demands), [demands]);
  const shown = useMemo(() => stagesBeforeDelivery(orderStages(stages)), [stages]);

  return (
    <nav className="standup-stages" aria-label={t("standup.stagesLabel")}>
      <ol>
        {shown.map((stage) => {
          const count = counts.get(stage.id) ?? 0;
          const status = wipStatus(count, stage.wipLimit, stage.wipPolicy);
          const current = stage.id === currentStageId;
          const words = WIP_WORDS[status];
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
                {words && <span className="standup-wip-words"> {t(words)}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
