import { type TStage, ZFlowBoundary, ZStageKind } from "@tideway/contracts";
import type { FormEvent } from "react";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { useBoardStore } from "../board/board-store";
import { CriteriaSettings } from "./criteria-settings";
import { EnumOptions } from "./enum-options";
import { ReorderButtons } from "./reorder-buttons";
import { addStage, changeStage, removeStage } from "./settings-api";
import { SettingsRowActions } from "./settings-row-actions";
import { useSettingsChange } from "./use-settings-change";
import { type StageWipAdvice, useWipAdvice, WipAdviceHint } from "./wip-advice-hint";
import { WipLimitFields, wipFieldsFrom } from "./wip-limit-fields";

function KindOptions() {
  const t = useT();
  return <EnumOptions values={ZStageKind.options} label={(kind) => t("settings.stageKind", { kind })} />;
}

export function StageSettings() {
  const t = useT();
  const stages = useBoardStore((s) => s.stages);
  const advice = useWipAdvice();
  return (
    <section className="settings-section" aria-labelledby="stage-settings-title">
      <h2 id="stage-settings-title">{t("settings.stages.title")}</h2>
      <p className="hint">{t("settings.stages.hint")}</p>
      <ol className="settings-list">
        {stages.map((stage, index) => (
          <li key={stage.id} className="settings-item">
            <StageSettingsRow
              stage={stage}
              before={stages[index - 1]}
              after={stages[index + 1]}
              advice={advice.get(stage.id)}
            />
            <CriteriaSettings stage={stage} />
          </li>
        ))}
      </ol>
      <AddStageForm />
    </section>
  );
}

function StageSettingsRow(props: {
  stage: TStage;
  before?: TStage;
  after?: TStage;
  advice?: StageWipAdvice;
}) {
  const { stage, before, after, advice } = props;
  const t = useT();
  const { busy, run } = useSettingsChange();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const boundary = ZFlowBoundary.safeParse(form.get("boundary"));
    void run(
      (boardId) =>
        changeStage(boardId, stage.id, {
          name: String(form.get("name") ?? "").trim(),
          kind: ZStageKind.catch(stage.kind).parse(form.get("kind")),
          ...wipFieldsFrom(form, stage.wipPolicy),
          boundary: boundary.success ? boundary.data : null,
        }),
      translate("settings.stage.saved", { name: String(form.get("name") ?? stage.name).trim() }),
    );
  }

  const moveTo = (other: TStage | undefined) =>
    other ? () => void run((boardId) => changeStage(boardId, stage.id, { position: other.position })) : null;

  return (
    // Keyed by content, so the fields show the saved values after every reload.
    <form
      key={JSON.stringify(stage)}
      className="settings-row"
      aria-label={t("settings.stage.label", { name: stage.name })}
      onSubmit={save}
    >
      <label>
        {t("settings.name")}
        <input name="name" defaultValue={stage.name} required maxLength={60} />
      </label>
      <label>
        {t("settings.kind")}
        <select name="kind" defaultValue={stage.kind}>
          <KindOptions />
        </select>
      </label>
      <WipLimitFields limit={stage.wipLimit} policy={stage.wipPolicy}>
        <WipAdviceHint advice={advice} />
      </WipLimitFields>
      <label>
        {t("settings.boundaryLabel")}
        <select name="boundary" defaultValue={stage.boundary ?? ""}>
          <option value="">{t("settings.none")}</option>
          <EnumOptions
            values={ZFlowBoundary.options}
            label={(boundary) => t("settings.boundary", { boundary })}
          />
        </select>
      </label>
      <SettingsRowActions busy={busy} onRemove={() => void run((boardId) => removeStage(boardId, stage.id))}>
        <ReorderButtons
          name={stage.name}
          disabled={busy}
          onEarlier={moveTo(before)}
          onLater={moveTo(after)}
          directions={["left", "right"]}
        />
      </SettingsRowActions>
    </form>
  );
}

function AddStageForm() {
  const t = useT();
  const { busy, run } = useSettingsChange();
  const stages = useBoardStore((s) => s.stages);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    // New stages go before the done stage, where new work usually belongs.
    const done = stages.find((stage) => stage.kind === "done");
    const added = await run((boardId) =>
      addStage(boardId, {
        name: String(form.get("name") ?? "").trim(),
        kind: ZStageKind.catch("active").parse(form.get("kind")),
        ...wipFieldsFrom(form),
        boundary: null,
        ...(done ? { position: done.position } : {}),
      }),
    );
    if (added) formElement.reset();
  }

  return (
    <form
      className="settings-row add-row"
      aria-label={t("settings.stage.addLabel")}
      onSubmit={(event) => void submit(event)}
    >
      <label>
        {t("settings.stage.new")}
        <input name="name" required maxLength={60} />
      </label>
      <label>
        {t("settings.kind")}
        <select name="kind" defaultValue="active">
          <KindOptions />
        </select>
      </label>
      <WipLimitFields />
      <button type="submit" disabled={busy}>
        {t("settings.stage.add")}
      </button>
    </form>
  );
}
