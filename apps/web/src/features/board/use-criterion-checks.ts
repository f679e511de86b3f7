import type { TDemand } from "@tideway/contracts";
import { useState } from "react";
import { ApiError } from "../../api/api-request";
import { translate } from "../../i18n/intl";
import { setCriterionCheck } from "./board-api";
import { selectOpenDependencies } from "./board-selectors";
import { useBoardStore } from "./board-store";

/**
 * Ticking a demand's criteria: a box shows its new state at once and the
 * server's answer (the demand with its new checks) replaces the guess.
 */
export function useCriterionChecks(demand: TDemand | undefined) {
  const [ticking, setTicking] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);

  const criteria = useBoardStore((s) => s.criteria);
  const openDependencies = useBoardStore(selectOpenDependencies(demand?.id ?? ""));

  const isChecked = (criterionId: string) =>
    ticking[criterionId] ?? demand?.checkedCriterionIds.includes(criterionId) ?? false;

  /** As the server decides on a move: "no open dependencies" by the dependencies, the rest by ticks. */
  const isMet = (criterionId: string) =>
    criteria.find((criterion) => criterion.id === criterionId)?.kind === "no_open_dependencies"
      ? openDependencies.length === 0
      : isChecked(criterionId);

  async function toggle(criterionId: string, checked: boolean) {
    if (!demand) return;
    setError(null);
    setTicking((current) => ({ ...current, [criterionId]: checked }));
    try {
      const { demand: updated } = await setCriterionCheck(demand.id, criterionId, checked);
      useBoardStore.getState().applyDemand(updated);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : translate("checks.saveFailed"));
    } finally {
      setTicking(({ [criterionId]: _done, ...rest }) => rest);
    }
  }

  return { isChecked, isMet, toggle, saving: Object.keys(ticking).length > 0, error };
}
