import type { TLane } from "@tideway/contracts";
import type { FormEvent } from "react";
import { useBoardStore } from "../board/board-store";
import { ReorderButtons } from "./reorder-buttons";
import { addLane, changeLane, removeLane } from "./settings-api";
import { SettingsRowActions } from "./settings-row-actions";
import { useSettingsChange } from "./use-settings-change";
import { WipLimitFields, wipFieldsFrom } from "./wip-limit-fields";

export function LaneSettings() {
  const lanes = useBoardStore((s) => s.lanes);
  return (
    <section className="settings-section" aria-labelledby="lane-settings-title">
      <h2 id="lane-settings-title">Swim lanes</h2>
      <p className="hint">
        A lane's WIP limit counts demands in progress only, between commitment and delivery.
      </p>
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
      `Lane ${String(form.get("name") ?? lane.name).trim()} saved.`,
    );
  }

  const moveTo = (other: TLane | undefined) =>
    other ? () => void run((boardId) => changeLane(boardId, lane.id, { position: other.position })) : null;

  return (
    <form
      key={JSON.stringify(lane)}
      className="settings-row"
      aria-label={`Lane ${lane.name}`}
      onSubmit={save}
    >
      <label>
        Name
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
    <form className="settings-row add-row" aria-label="Add a lane" onSubmit={(event) => void submit(event)}>
      <label>
        New lane
        <input name="name" required maxLength={60} />
      </label>
      <WipLimitFields />
      <button type="submit" disabled={busy}>
        Add lane
      </button>
    </form>
  );
}
