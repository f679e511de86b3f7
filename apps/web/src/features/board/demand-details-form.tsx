import { type TDemand, type TUpdateDemandBody, ZDemandType } from "@tideway/contracts";
import { canBeParent } from "@tideway/domain";
import { type FormEvent, useMemo, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { updateDemand } from "./board-api";
import { useBoardStore } from "./board-store";
import { useDemandEditor } from "./demand-editor-store";
import { SizeInput, sizeFrom, TypeSelect } from "./demand-fields";
import { DescriptionField } from "./description-field";

/** Title, description, type, size and, for a defect, the demand it belongs to. */
export function DemandDetailsForm({ demand, editable }: { demand: TDemand; editable: boolean }) {
  const t = useT();
  const [type, setType] = useState(demand.type);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // A parent the board does not show (a business demand on a portfolio's board) is kept, never dropped by a save.
    const keptParent =
      demand.parentId && !useBoardStore.getState().demands[demand.parentId] ? demand.parentId : null;
    const changes = changedFields(demand, {
      title: String(form.get("title") ?? "").trim(),
      description: String(form.get("description") ?? ""),
      type: ZDemandType.catch(demand.type).parse(form.get("type")),
      size: sizeFrom(form),
      parentId: type === "defect" ? String(form.get("parentId") ?? "") || keptParent : keptParent,
    });
    if (Object.keys(changes).length === 0) {
      useDemandEditor.getState().close();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { demand: updated } = await updateDemand(demand.id, {
        ...changes,
        expectedVersion: demand.version,
      });
      useBoardStore.getState().applyDemand(updated);
      useDemandEditor.getState().close();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("details.saveFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="demand-details" onSubmit={(event) => void submit(event)}>
      <fieldset disabled={!editable || busy}>
        <label>
          {t("details.title")}
          <input name="title" defaultValue={demand.title} required maxLength={200} />
        </label>
        <DescriptionField defaultValue={demand.description} editable={editable} />
        <div className="form-row">
          <TypeSelect defaultValue={demand.type} onChange={setType} />
          <SizeInput defaultValue={demand.size} />
        </div>
        {type === "defect" && <ParentSelect demand={demand} />}
      </fieldset>
      <FormError error={error} />
      {editable && (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t("details.save")}
          </button>
        </div>
      )}
    </form>
  );
}

/** A defect names the demand it was found in, so that demand shows its open defects. */
function ParentSelect({ demand }: { demand: TDemand }) {
  const t = useT();
  const demands = useBoardStore((s) => s.demands);
  const parents = useMemo(
    () =>
      Object.values(demands)
        // The server refuses any other parent with the same rule (domain `parentRefusal`).
        .filter((other) => other.id !== demand.id && canBeParent(other))
        .sort((a, b) => a.number - b.number),
    [demands, demand.id],
  );
  return (
    <label>
      {t("details.defectOf")}
      <select name="parentId" defaultValue={demand.parentId ?? ""}>
        <option value="">{t("details.noParent")}</option>
        {parents.map((parent) => (
          <option key={parent.id} value={parent.id}>
            {parent.key} {parent.title}
          </option>
        ))}
      </select>
    </label>
  );
}

type EditableFields = Pick<TDemand, "title" | "description" | "type" | "size" | "parentId">;

function changedFields(demand: TDemand, next: EditableFields): TUpdateDemandBody {
  const changes: TUpdateDemandBody = {};
  if (next.title !== demand.title) changes.title = next.title;
  if (next.description !== demand.description) changes.description = next.description;
  if (next.type !== demand.type) changes.type = next.type;
  if (next.size !== demand.size) changes.size = next.size;
  if (next.parentId !== demand.parentId) changes.parentId = next.parentId;
  return changes;
}
