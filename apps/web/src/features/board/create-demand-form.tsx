import { ZDemandType } from "@tideway/contracts";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { createDemand } from "./board-api";
import { useBoardStore } from "./board-store";
import { SizeInput, sizeFrom, TypeSelect } from "./demand-fields";

/** Adds a demand to the first stage, in the lane chosen (by default the first lane without a limit). */
export function CreateDemandForm({ stageId }: { stageId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lanes = useBoardStore((s) => s.lanes);
  const titleRef = useRef<HTMLInputElement>(null);
  const defaultLane = lanes.find((lane) => lane.wipLimit === null) ?? lanes[0];

  useEffect(() => {
    if (open) titleRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" className="add-demand" onClick={() => setOpen(true)}>
        {t("create.open")}
      </button>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const boardId = useBoardStore.getState().boardId;
    if (!boardId) return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setError(null);
    try {
      const size = sizeFrom(form);
      const { demand } = await createDemand(boardId, {
        title: String(form.get("title") ?? ""),
        description: "",
        type: ZDemandType.catch("feature").parse(form.get("type")),
        size: size ?? undefined,
        laneId: String(form.get("laneId") ?? "") || undefined,
        stageId,
      });
      useBoardStore.getState().applyDemand(demand);
      formElement.reset();
      titleRef.current?.focus();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("create.failed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="create-demand" aria-label={t("create.label")} onSubmit={(event) => void submit(event)}>
      <label>
        {t("create.title")}
        <input ref={titleRef} name="title" required maxLength={200} />
      </label>
      <div className="form-row">
        <TypeSelect />
        <SizeInput />
      </div>
      <label>
        {t("create.lane")}
        <select name="laneId" defaultValue={defaultLane?.id}>
          {lanes.map((lane) => (
            <option key={lane.id} value={lane.id}>
              {lane.name}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => setOpen(false)}>
          {t("create.close")}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {t("create.submit")}
        </button>
      </div>
    </form>
  );
}
