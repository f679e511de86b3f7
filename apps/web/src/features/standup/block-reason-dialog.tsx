import type { TDemand } from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { ModalDialog } from "../../ui/modal-dialog";
import { blockDemand, unblockDemand } from "../board/board-api";
import { useBoardStore } from "../board/board-store";
import { useStandup } from "./standup-store";

/**
 * The dialog behind B: blocking asks why (the next stand-up chases the
 * reason), unblocking asks to confirm, so a stray key press changes nothing.
 */
export function BlockReasonDialog() {
  const demandId = useStandup((s) => s.blocking);
  const demand = useBoardStore((s) => (demandId ? s.demands[demandId] : undefined));
  const close = useStandup((s) => s.closeBlockReason);
  const t = useT();
  const title = demand
    ? t("standup.blockTitle", { blocked: demand.blocked ? "yes" : "no", key: demand.key })
    : "";

  return (
    <ModalDialog open={demand !== undefined} title={title} onClose={close} className="standup-dialog">
      {demand && <BlockReasonForm key={demand.id} demand={demand} onDone={close} />}
    </ModalDialog>
  );
}

/** The browser focuses an element with the autofocus attribute when the dialog opens. */
function autofocus(element: HTMLElement | null): void {
  element?.setAttribute("autofocus", "");
}

function BlockReasonForm({ demand, onDone }: { demand: TDemand; onDone: () => void }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const change = demand.blocked ? await unblockDemand(demand.id) : await blockDemand(demand.id, reason);
      useBoardStore.getState().applyDemand(change.demand);
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("block.failed"));
      setBusy(false);
    }
  }

  return (
    <form className="standup-block-form" onSubmit={(event) => void submit(event)}>
      <p>{demand.title}</p>
      {demand.blocked ? (
        <p>
          {t("standup.blockedBecause", {
            b: (chunks) => <strong>{chunks}</strong>,
            reason: demand.blockedReason ?? t("standup.noReason"),
          })}
        </p>
      ) : (
        <label>
          {t("standup.why")}
          <input ref={autofocus} name="reason" required maxLength={500} autoComplete="off" />
        </label>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-row">
        <button
          ref={demand.blocked ? autofocus : undefined}
          type="submit"
          className="primary"
          disabled={busy}
        >
          {demand.blocked ? t("block.unblock") : t("block.block")}
        </button>
        <button type="button" onClick={onDone}>
          {t("comments.cancel")}
        </button>
      </div>
    </form>
  );
}
