import type { TLane } from "@tideway/contracts";
import type { FormEvent } from "react";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { useBoardStore } from "../board/board-store";
import { ReorderButtons } from "./reorder-buttons";
import { addLane, changeLane, removeLane } from "./settings-api";
import { SettingsRowActions } from "./settings-row-actions";
import { useSettingsChange } from "./use-settings-change";
import { WipLimitFields, wipFieldsFrom } from "./wip-limit-fields";

export function LaneSettings() {
  const t = useT();
  const lanes = useBoardStore((s) => s.lanes);
  return (
    <section className="settings-section" aria-labelledby="lane-settings-title">
      <h2 id="lane-settings-title">{t("settings.lanes.title")}</h2>
      <p className="hint">{t("settings.lanes.hint")}</p>
      <ol className="settings-list">
        {lanes.map((lane, index) => (
          <li key={lane.id} className="settings-item">
            <LaneSettingsRow lane={lane} before={lanes[index - 1]} after={lanes[index + 1]} />
          </li>
        ))}
      </ol>
      <AddLaneForm />
    </section>
  );
}

function LaneSettingsRow({ lane, before, after }: { lane: TLane; before?: TLane; after?: TLane }) {
  const t = useT();
  const { busy, run } = useSettingsChange();

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(
      (boardId) =>
        changeLane(boardId, lane.id, {
          name: String(form.get("name") ?? "").trim(),
          ...wipFieldsFrom(form, lane.wipPolicy),
        }),
      translate("settings.lane.saved", { name: String(form.get("name") ?? lane.name).trim() }),
    );
  }

  const moveTo = (other: TLane | undefined) =>
    other ? () => void run((boardId) => changeLane(boardId, lane.id, { position: other.position })) : null;

  return (
    <form
      key={JSON.stringify(lane)}
      className="settings-row"
      aria-label={t("settings.lane.label", { name: lane.name })}
      onSubmit={save}
    >
      <label>
        {t("settings.name")}
        <input name="name" defaultValue={lane.name} required maxLength={60} />
      </label>
      <WipLimitFields limit={lane.wipLimit} policy={lane.wipPolicy} />
      <SettingsRowActions busy={busy} onRemove={() => void run((boardId) => removeLane(boardId, lane.id))}>
        <ReorderButtons
          name={lane.name}
          disabled={busy}
          onEarlier={moveTo(before)}
          onLater={moveTo(after)}
          directions={["up", "down"]}
        />
      </SettingsRowActions>
    </form>
  );
}

function AddLaneForm() {
  const t = useT();
  const { busy, run } = useSettingsChange();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const added = await run((boardId) =>
      addLane(boardId, {
        name: String(form.get("name") ?? "").trim(),
        ...wipFieldsFrom(form),
      }),
    );
    if (added) formElement.reset();
  }

  return (
    <form
      className="settings-row add-row"
      aria-label={t("settings.lane.addLabel")}
      onSubmit={(event) => void submit(event)}
    >
      <label>
        {t("settings.lane.new")}
        <input name="name" required maxLength={60} />
      </label>
      <WipLimitFields />
      <button type="submit" disabled={busy}>
        {t("settings.lane.add")}
      </button>
    </form>
  );
}
