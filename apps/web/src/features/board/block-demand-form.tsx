import type { TDemand } from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { FormError } from "../../ui/form-error";
import { blockDemand, unblockDemand } from "./board-api";
import { useBoardStore } from "./board-store";

/** Blocking needs a reason, so the stand-up knows what to chase. */
export function BlockDemandForm({ demand }: { demand: TDemand }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<{ demand: TDemand }>) {
    setBusy(true);
    setError(null);
    try {
      useBoardStore.getState().applyDemand((await action()).demand);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("block.failed"));
    } finally {
      setBusy(false);
    }
  }

  function block(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    void run(() => blockDemand(demand.id, reason));
  }

  return (
    <section className="block-demand" aria-label={t("block.label")}>
      {demand.blocked ? (
        <div className="form-row">
          <p className="blocked-badge">
            {demand.blockedReason ? (
              t("card.blockedBecause", {
                b: (chunks) => <strong>{chunks}</strong>,
                reason: demand.blockedReason,
              })
            ) : (
              <strong>{t("card.blocked")}</strong>
            )}
          </p>

          <button type="button" disabled={busy} onClick={() => void run(() => unblockDemand(demand.id))}>
            {t("block.unblock")}
          </button>
        </div>
      ) : (
        <form className="form-row" onSubmit={block}>
          <label>
            {t("block.because")}
            <input name="reason" required maxLength={500} />
          </label>
          <button type="submit" disabled={busy}>
            {t("block.block")}
          </button>
        </form>
      )}
      <FormError error={error} />
    </section>
  );
}
