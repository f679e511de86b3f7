import type { TDependency } from "@tideway/contracts";
import "./card-record.css";
import { selectOpenDependencies } from "./board-selectors";
import { useBoardStore } from "./board-store";

const TEXT = {
  waitingOn: "Waiting on",
  hidden: "a demand on another board",
};

/** How a demand waited on is named to this viewer: its key, or nothing that identifies it. */
export function dependencyName(dependency: TDependency): string {
  return dependency.key ?? TEXT.hidden;
}

/**
 * "Waiting on PAY-12, a demand on another board": what the demand still waits
 * on, shown while any of it is not delivered (live: `dependency.changed`).
 */
export function WaitingOn({ demandId, className = "waiting-on" }: { demandId: string; className?: string }) {
  const open = useBoardStore(selectOpenDependencies(demandId));
  if (open.length === 0) return null;
  return (
    <p className={className} data-testid="waiting-on">
      {TEXT.waitingOn} {open.map(dependencyName).join(", ")}
    </p>
  );
}
