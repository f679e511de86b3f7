import type { TDemand } from "@tideway/contracts";
import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { selectStageCriteria } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { CriterionCheckRow } from "./criterion-check-row";
import { useCriterionChecks } from "./use-criterion-checks";

/** The current stage's entry criteria and exit checks, ticked as the work meets them. */
export function DemandChecklist({ demand, editable }: { demand: TDemand; editable: boolean }) {
  const criteria = useBoardStore(selectStageCriteria(demand.stageId));
  const stageName = useBoardStore((s) => s.stages.find((stage) => stage.id === demand.stageId)?.name ?? "");
  const checks = useCriterionChecks(demand);
  const { error } = checks;
  const t = useT();
  if (criteria.length === 0) return null;

  return (
    <fieldset className="demand-checklist" disabled={!editable}>
      <legend>{t("checklist.legend", { stage: stageName })}</legend>
      {criteria.map((criterion) => (
        <CriterionCheckRow
          key={criterion.id}
          demandId={demand.id}
          criterion={criterion}
          checks={checks}
          note={t("checklist.phase", { phase: criterion.phase, required: criterion.required ? "yes" : "no" })}
        />
      ))}
      <FormError error={error} />
    </fieldset>
  );
}
