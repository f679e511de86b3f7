import type { TDemand } from "@tideway/contracts";
import { useState } from "react";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { updateDemand } from "./board-api";
import { useBoardStore } from "./board-store";
import { useDemandEditor } from "./demand-editor-store";

/** Takes a demand off the board (it stays in the history and the metrics); asks once more first. */
export function ArchiveDemandButton({ demand }: { demand: TDemand }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function archive() {
    setBusy(true);
    setError(null);
    try {
      await updateDemand(demand.id, { archived: true, expectedVersion: demand.version });
      useDemandEditor.getState().close();
      useBoardStore.getState().removeDemand(demand.id);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("archive.failed"));
      setBusy(false);
    }
  }

  return (
    <section className="archive-demand" aria-label={t("archive.label")}>
      {confirming ? (
        <div className="form-row">
          <span>{t("archive.confirmText", { key: demand.key })}</span>

          <button type="button" className="danger" disabled={busy} onClick={() => void archive()}>
            {t("archive.label")}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t("archive.keep")}
          </button>
        </div>
      ) : (
        <button type="button" className="danger-quiet" onClick={() => setConfirming(true)}>
          {t("archive.open")}
        </button>
      )}
      <FormError error={error} />
    </section>
  );
}
