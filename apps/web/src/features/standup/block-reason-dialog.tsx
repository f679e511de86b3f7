import type { TDemand } from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-request";
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
  const title = demand ? `${demand.blocked ? "Unblock" : "Block"} ${demand.key}` : "Block";

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
      setError(caught instanceof ApiError ? caught.message : "That did not work. Try again.");
      setBusy(false);
    }
  }

  return (
    <form className="standup-block-form" onSubmit={(event) => void submit(event)}>
      <p>{demand.title}</p>
      {demand.blocked ? (
        <p>
          Blocked because: <strong>{demand.blockedReason ?? "no reason given"}</strong>
        </p>
      ) : (
        <label>
          Why is it blocked?
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
          {demand.blocked ? "Unblock" : "Block"}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
