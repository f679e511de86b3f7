import { useT } from "../../i18n/use-t";
import { WaitingOn } from "./waiting-on";

/**
 * A "no open dependencies" criterion in a checklist: nobody ticks it, so it
 * shows whether it is met and, while it is not, what the demand waits on.
 */
export function DependencyCriterionRow({
  demandId,
  text,
  met,
  suffix,
}: {
  demandId: string;
  text: string;
  met: boolean;
  suffix?: string;
}) {
  const t = useT();
  return (
    <div className="check-row dependency-criterion" data-met={met}>
      <span aria-hidden="true">{met ? "✓" : "…"}</span>
      <span>
        {text}{" "}
        <span className="criterion-phase">
          {t(met ? "dependencyCriterion.met" : "dependencyCriterion.byServer")}
        </span>
        {suffix && <span className="criterion-phase">{suffix}</span>}
        <WaitingOn demandId={demandId} />
      </span>
    </div>
  );
}
