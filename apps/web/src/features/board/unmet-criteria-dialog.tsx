import { ModalDialog } from "../../ui/modal-dialog";
import { useBoardStore } from "./board-store";
import { type CriteriaRequest, useCriteriaDialog } from "./criteria-dialog-store";
import { requestMove } from "./request-move";
import { useCriterionChecks } from "./use-criterion-checks";

/** Opens when a move was refused for unchecked criteria; ticking them all lets the move go through. */
export function UnmetCriteriaDialog() {
  const request = useCriteriaDialog((s) => s.request);
  const close = useCriteriaDialog((s) => s.close);
  const stages = useBoardStore((s) => s.stages);
  const nameOf = (stageId: string | undefined) =>
    stages.find((stage) => stage.id === stageId)?.name ?? "this stage";
  // Both ends of the move, so "Move" confirms the one the user meant: "Exit checks for Testing: Testing → Release".
  const checks =
    request?.phase === "exit"
      ? `Exit checks for ${nameOf(request.stageId)}`
      : `Entry criteria for ${nameOf(request?.stageId)}`;
  const title = request
    ? `${checks}: ${nameOf(request.fromStageId)} → ${nameOf(request.placement.stageId)}`
    : checks;
  return (
    <ModalDialog open={request !== null} title={title} onClose={close}>
      {request && <UnmetCriteriaChecklist key={request.demandId + request.message} request={request} />}
    </ModalDialog>
  );
}

function UnmetCriteriaChecklist({ request }: { request: CriteriaRequest }) {
  const demand = useBoardStore((s) => s.demands[request.demandId]);
  const close = useCriteriaDialog((s) => s.close);
  const { isChecked, toggle, saving, error } = useCriterionChecks(demand);
  const allChecked = request.unmet.every((criterion) => isChecked(criterion.id));

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
        <legend>Tick what is done</legend>
        {request.unmet.map((criterion) => (
          <label key={criterion.id} className="check-row">
            <input
              type="checkbox"
              checked={isChecked(criterion.id)}
              onChange={(event) => void toggle(criterion.id, event.currentTarget.checked)}
            />
            {criterion.text}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!allChecked || saving}>
          Move
        </button>
      </div>
    </form>
  );
}
