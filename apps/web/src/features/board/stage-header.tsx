import type { TStage } from "@tideway/contracts";
import { memo } from "react";
import { canEdit, selectStageCount, wipStatus } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { CreateDemandForm } from "./create-demand-form";
import { WipCount } from "./wip-count";

/** A stage's column head: its name and WIP against the limit; red when full (hard) or over (soft). */
export const StageHeader = memo(function StageHeader({ stage, first }: { stage: TStage; first: boolean }) {
  const count = useBoardStore(selectStageCount(stage.id));
  const editable = useBoardStore(canEdit);
  return (
    <div
      className="stage-header"
      data-stage={stage.name}
      data-kind={stage.kind}
      data-wip={wipStatus(count, stage.wipLimit, stage.wipPolicy)}
    >
      <div className="stage-title">
        <h2>{stage.name}</h2>
        <WipCount count={count} limit={stage.wipLimit} policy={stage.wipPolicy} />
      </div>
      {first && editable && <CreateDemandForm stageId={stage.id} />}
    </div>
  );
});
