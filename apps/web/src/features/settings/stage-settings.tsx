import { type TStage, ZFlowBoundary, ZStageKind } from "@tideway/contracts";
import type { FormEvent } from "react";
import { useBoardStore } from "../board/board-store";
import { CriteriaSettings } from "./criteria-settings";
import { ReorderButtons } from "./reorder-buttons";
import { addStage, changeStage, removeStage } from "./settings-api";
import { SettingsRowActions } from "./settings-row-actions";
import { useSettingsChange } from "./use-settings-change";
import { type StageWipAdvice, useWipAdvice, WipAdviceHint } from "./wip-advice-hint";
import { WipLimitFields, wipFieldsFrom } from "./wip-limit-fields";

const KIND_LABELS = { queue: "Queue (waiting)", active: "Active (work happening)", done: "Done" } as const;
const BOUNDARY_LABELS = {
  commitment: "Commitment point",
  development_start: "Development starts",
  development_end: "Development ends",
  delivered: "Delivered",
} as const;

export function StageSettings() {
  const stages = useBoardStore((s) => s.stages);
  const advice = useWipAdvice();
  return (
    <section className="settings-section" aria-labelledby="stage-settings-title">
      <h2 id="stage-settings-title">Stages</h2>
      <p className="hint">
        Left to right, as work flows. A hard WIP limit refuses the next demand; a soft one lets it in and
        turns the column red.
      </p>
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
      `Stage ${String(form.get("name") ?? stage.name).trim()} saved.`,
    );
  }

  const moveTo = (other: TStage | undefined) =>
    other ? () => void run((boardId) => changeStage(boardId, stage.id, { position: other.position })) : null;

  return (
    // Keyed by content, so the fields show the saved values after every reload.
    <form
      key={JSON.stringify(stage)}
      className="settings-row"
      aria-label={`Stage ${stage.name}`}
      onSubmit={save}
    >
      <label>
        Name
        <input name="name" defaultValue={stage.name} required maxLength={60} />
      </label>
      <label>
        Kind
        <select name="kind" defaultValue={stage.kind}>
          {ZStageKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <WipLimitFields limit={stage.wipLimit} policy={stage.wipPolicy}>
        <WipAdviceHint advice={advice} />
      </WipLimitFields>
      <label>
        2-1-1 boundary
        <select name="boundary" defaultValue={stage.boundary ?? ""}>
          <option value="">(none)</option>
          {ZFlowBoundary.options.map((boundary) => (
            <option key={boundary} value={boundary}>
              {BOUNDARY_LABELS[boundary]}
            </option>
          ))}
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
    <form className="settings-row add-row" aria-label="Add a stage" onSubmit={(event) => void submit(event)}>
      <label>
        New stage
        <input name="name" required maxLength={60} />
      </label>
      <label>
        Kind
        <select name="kind" defaultValue="active">
          {ZStageKind.options.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </label>
      <WipLimitFields />
      <button type="submit" disabled={busy}>
        Add stage
      </button>
    </form>
  );
}
