import type { TDemand } from "@tideway/contracts";
import { useT } from "../../i18n/use-t";
import { selectStageCriteria } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { useCriterionChecks } from "./use-criterion-checks";

/** The current stage's entry criteria and exit checks, ticked as the work meets them. */
export function DemandChecklist({ demand, editable }: { demand: TDemand; editable: boolean }) {
  const criteria = useBoardStore(selectStageCriteria(demand.stageId));
  const stageName = useBoardStore((s) => s.stages.find((stage) => stage.id === demand.stageId)?.name ?? "");
  const { isChecked, toggle, error } = useCriterionChecks(demand);
  const t = useT();
  if (criteria.length === 0) return null;

  return (
    <fieldset className="demand-checklist" disabled={!editable}>
      <legend>{t("checklist.legend", { stage: stageName })}</legend>
      {criteria.map((criterion) => (
        <label key={criterion.id} className="check-row">
          <input
            type="checkbox"
            checked={isChecked(criterion.id)}
            onChange={(event) => void toggle(criterion.id, event.currentTarget.checked)}
          />
          {criterion.text}
          <span className="criterion-phase">
            {t("checklist.phase", { phase: criterion.phase, required: criterion.required ? "yes" : "no" })}
          </span>
        </label>
      ))}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
