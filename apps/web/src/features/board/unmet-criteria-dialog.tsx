import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { ModalDialog } from "../../ui/modal-dialog";
import { useBoardStore } from "./board-store";
import { type CriteriaRequest, useCriteriaDialog } from "./criteria-dialog-store";
import { CriterionCheckRow } from "./criterion-check-row";
import { requestMove } from "./request-move";
import { useCriterionChecks } from "./use-criterion-checks";

/** Opens when a move was refused for unchecked criteria; ticking them all lets the move go through. */
export function UnmetCriteriaDialog() {
  const request = useCriteriaDialog((s) => s.request);
  const close = useCriteriaDialog((s) => s.close);
  const stages = useBoardStore((s) => s.stages);
  const t = useT();
  const nameOf = (stageId: string | undefined) =>
    stages.find((stage) => stage.id === stageId)?.name ?? t("criteria.thisStage");
  // Both ends of the move, so "Move" confirms the one the user meant: "Exit checks for Testing: Testing → Release".
  const title = request
    ? t("criteria.title", {
        phase: request.phase,
        stage: nameOf(request.stageId),
        from: nameOf(request.fromStageId),
        to: nameOf(request.placement.stageId),
      })
    : "";
  return (
    <ModalDialog open={request !== null} title={title} onClose={close}>
      {request && <UnmetCriteriaChecklist key={request.demandId + request.message} request={request} />}
    </ModalDialog>
  );
}

function UnmetCriteriaChecklist({ request }: { request: CriteriaRequest }) {
  const demand = useBoardStore((s) => s.demands[request.demandId]);
  const close = useCriteriaDialog((s) => s.close);
  const t = useT();
  const checks = useCriterionChecks(demand);
  const { isMet, saving, error } = checks;
  const criteria = useBoardStore((s) => s.criteria);
  const kindOf = (id: string) => criteria.find((criterion) => criterion.id === id)?.kind;
  const allChecked = request.unmet.every((criterion) => isMet(criterion.id));

  function move() {
    close();
    void requestMove(request.demandId, request.placement);
  }

  return (
    <form
      className="criteria-checklist"
      onSubmit={(event) => {
        event.preventDefault();
        move();
      }}
    >
      <p>
        <strong>{demand?.key}</strong> {request.message}
      </p>
      <fieldset>
        <legend>{t("criteria.tick")}</legend>
        {request.unmet.map((criterion) => (
          <CriterionCheckRow
            key={criterion.id}
            demandId={request.demandId}
            criterion={{ ...criterion, kind: kindOf(criterion.id) }}
            checks={checks}
          />
        ))}
      </fieldset>
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" onClick={close}>
          {t("criteria.cancel")}
        </button>
        <button type="submit" className="primary" disabled={!allChecked || saving}>
          {t("criteria.move")}
        </button>
      </div>
    </form>
  );
}
