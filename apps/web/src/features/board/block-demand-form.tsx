import type { TDemand } from "@tideway/contracts";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/api-request";
import { FormError } from "../../ui/form-error";
import { blockDemand, unblockDemand } from "./board-api";
import { useBoardStore } from "./board-store";

/** Blocking needs a reason, so the stand-up knows what to chase. */
export function BlockDemandForm({ demand }: { demand: TDemand }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<{ demand: TDemand }>) {
    setBusy(true);
    setError(null);
    try {
      useBoardStore.getState().applyDemand((await action()).demand);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "That did not work. Try again.");
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
    <section className="block-demand" aria-label="Blocking">
      {demand.blocked ? (
        <div className="form-row">
          <p className="blocked-badge">
            <strong>Blocked</strong>
            {demand.blockedReason && `: ${demand.blockedReason}`}
          </p>
          <button type="button" disabled={busy} onClick={() => void run(() => unblockDemand(demand.id))}>
            Unblock
          </button>
        </div>
      ) : (
        <form className="form-row" onSubmit={block}>
          <label>
            Blocked because
            <input name="reason" required maxLength={500} />
          </label>
          <button type="submit" disabled={busy}>
            Block
          </button>
        </form>
      )}
      <FormError error={error} />
    </section>
  );
}
