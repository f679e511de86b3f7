import { WaitingOn } from "./waiting-on";

const TEXT = {
  met: "met: nothing left to wait on",
  byServer: "checked by Tideway from the dependencies",
};

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
  return (
    <div className="check-row dependency-criterion" data-met={met}>
      <span aria-hidden="true">{met ? "✓" : "…"}</span>
      <span>
        {text} <span className="criterion-phase">{met ? TEXT.met : TEXT.byServer}</span>
        {suffix && <span className="criterion-phase">{suffix}</span>}
        <WaitingOn demandId={demandId} />
      </span>
    </div>
  );
}
