import { type TCriterion, type TStage, ZCriterionKind, ZCriterionPhase } from "@tideway/contracts";
import type { FormEvent } from "react";
import { useT } from "../../i18n/use-t";
import { SelectField } from "../../ui/field";
import { selectStageCriteria } from "../board/board-selectors";
import { useBoardStore } from "../board/board-store";
import { addCriterion, changeCriterion, removeCriterion } from "./settings-api";
import { SettingsRowActions } from "./settings-row-actions";
import { useSettingsChange } from "./use-settings-change";

/** Entry criteria (checked before a demand may enter) and exit checks (before it may move on). */
export function CriteriaSettings({ stage }: { stage: TStage }) {
  const t = useT();
  const criteria = useBoardStore(selectStageCriteria(stage.id));
  return (
    <details className="criteria-settings" open={criteria.length > 0}>
      <summary>{t("settings.criteria.summary", { stage: stage.name, count: criteria.length })}</summary>
      <ul>
        {criteria.map((criterion) => (
          <li key={criterion.id}>
            <CriterionRow criterion={criterion} />
          </li>
        ))}
      </ul>
      <AddCriterionForm stage={stage} />
    </details>
  );
}

function CriterionRow({ criterion }: { criterion: TCriterion }) {
  const t = useT();
  const { busy, run } = useSettingsChange();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run((boardId) =>
      changeCriterion(boardId, criterion.id, {
        text: String(form.get("text") ?? "").trim(),
        phase: ZCriterionPhase.catch(criterion.phase).parse(form.get("phase")),
        kind: ZCriterionKind.catch(criterion.kind).parse(form.get("kind")),
        required: form.get("required") === "on",
      }),
    );
  }

  return (
    <form
      key={JSON.stringify(criterion)}
      className="settings-row"
      aria-label={t("settings.criterion.label", { text: criterion.text })}
      onSubmit={save}
    >
      <label className="grow">
        {t("settings.criterion")}
        <input name="text" defaultValue={criterion.text} required maxLength={300} />
      </label>
      <PhaseSelect defaultValue={criterion.phase} />
      <KindSelect defaultValue={criterion.kind} />
      <label className="inline">
        <input name="required" type="checkbox" defaultChecked={criterion.required} />
        {t("settings.criterion.required")}
      </label>
      <SettingsRowActions
        busy={busy}
        onRemove={() => void run((boardId) => removeCriterion(boardId, criterion.id))}
      />
    </form>
  );
}

function AddCriterionForm({ stage }: { stage: TStage }) {
  const t = useT();
  const { busy, run } = useSettingsChange();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const added = await run((boardId) =>
      addCriterion(boardId, {
        stageId: stage.id,
        text: String(form.get("text") ?? "").trim(),
        phase: ZCriterionPhase.catch("entry").parse(form.get("phase")),
        kind: ZCriterionKind.catch("manual").parse(form.get("kind")),
        required: form.get("required") === "on",
      }),
    );
    if (added) formElement.reset();
  }

  return (
    <form
      className="settings-row add-row"
      aria-label={t("settings.criterion.addLabel", { stage: stage.name })}
      onSubmit={(event) => void submit(event)}
    >
      <label className="grow">
        {t("settings.criterion.new")}
        <input name="text" required maxLength={300} />
      </label>
      <PhaseSelect defaultValue="entry" />
      <KindSelect defaultValue="manual" />
      <label className="inline">
        <input name="required" type="checkbox" defaultChecked />
        {t("settings.criterion.required")}
      </label>
      <button type="submit" disabled={busy}>
        {t("settings.criterion.add")}
      </button>
    </form>
  );
}

function PhaseSelect({ defaultValue }: { defaultValue: TCriterion["phase"] }) {
  const t = useT();
  return (
    <label>
      {t("settings.criterion.phase")}
      <select name="phase" defaultValue={defaultValue}>
        <option value="entry">{t("settings.criterion.onEntry")}</option>
        <option value="exit">{t("settings.criterion.onExit")}</option>
      </select>
    </label>
  );
}

/** Who decides a criterion is met: a person ticking it, or the server from the demand's dependencies. */
function KindSelect({ defaultValue }: { defaultValue: TCriterion["kind"] }) {
  const t = useT();
  const options = [
    { value: "manual", label: t("criteria.kind.manual") },
    { value: "no_open_dependencies", label: t("criteria.kind.noOpenDependencies") },
  ];
  return (
    <SelectField label={t("criteria.kind.label")} name="kind" defaultValue={defaultValue} options={options} />
  );
}
