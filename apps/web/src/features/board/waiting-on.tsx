import type { TDependency } from "@tideway/contracts";
import "./card-record.css";
import { useT } from "../../i18n/use-t";
import { formatList } from "../../ui/format";
import { selectOpenDependencies } from "./board-selectors";
import { useBoardStore } from "./board-store";

/** How a demand waited on is named to this viewer: its key, or nothing that identifies it. */
export function useDependencyName(): (dependency: TDependency) => string {
  const t = useT();
  return (dependency) => dependency.key ?? t("dependencies.hidden");
}

/**
 * "Waiting on PAY-12 and a demand on another board": what the demand still
 * waits on, shown while any of it is not delivered (live: `dependency.changed`).
 */
export function WaitingOn({ demandId, className = "waiting-on" }: { demandId: string; className?: string }) {
  const open = useBoardStore(selectOpenDependencies(demandId));
  const t = useT();
  const dependencyName = useDependencyName();
  if (open.length === 0) return null;
  return (
    <p className={className} data-testid="waiting-on">
      {t("dependencies.waitingOn", { names: formatList(open.map(dependencyName)) })}
    </p>
  );
}
