import type { TCriterionKind } from "@tideway/contracts";
import { DependencyCriterionRow } from "./dependency-criterion-row";
import type { useCriterionChecks } from "./use-criterion-checks";

/**
 * One criterion in a checklist: a box to tick, or for "no open dependencies"
 * (which nobody ticks) whether it is met and what the demand waits on.
 */
export function CriterionCheckRow({
  demandId,
  criterion,
  checks,
  note,
}: {
  demandId: string;
  criterion: { id: string; text: string; kind: TCriterionKind | undefined };
  checks: ReturnType<typeof useCriterionChecks>;
  /** Shown after the text, e.g. "entry" or "exit, optional". */
  note?: string;
}) {
  if (criterion.kind === "no_open_dependencies") {
    return (
      <DependencyCriterionRow
        demandId={demandId}
        text={criterion.text}
        met={checks.isMet(criterion.id)}
        suffix={note}
      />
    );
  }
  return (
    <label className="check-row">
      <input
        type="checkbox"
        checked={checks.isChecked(criterion.id)}
        onChange={(event) => void checks.toggle(criterion.id, event.currentTarget.checked)}
      />
      {criterion.text}
      {note && <span className="criterion-phase">{note}</span>}
    </label>
  );
}
