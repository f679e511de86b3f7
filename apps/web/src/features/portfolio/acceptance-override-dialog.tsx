import { useState } from "react";
import { useT } from "../../i18n/use-t";
import { ModalDialog } from "../../ui/modal-dialog";
import { useBoardStore } from "../board/board-store";
import { requestMove } from "../board/request-move";
import { type OverrideRequest, useAcceptanceOverride } from "./acceptance-override-store";

/**
 * Opens when a business demand was held at the acceptance gate: says which
 * product demands are undelivered and lets a member pass anyway with a
 * reason, which the server audits and the card then shows.
 */
export function AcceptanceOverrideDialog() {
  const request = useAcceptanceOverride((s) => s.request);
  const close = useAcceptanceOverride((s) => s.close);
  const t = useT();
  return (
    <ModalDialog open={request !== null} title={t("portfolio.override.title")} onClose={close}>
      {request && <OverrideForm key={request.demandId + request.message} request={request} />}
    </ModalDialog>
  );
}

function OverrideForm({ request }: { request: OverrideRequest }) {
  const key = useBoardStore((s) => s.demands[request.demandId]?.key);
  const canOverride = useBoardStore((s) => s.role !== "viewer");
  const close = useAcceptanceOverride((s) => s.close);
  const [reason, setReason] = useState("");
  const t = useT();
  return (
    <form
      className="acceptance-override"
      onSubmit={(event) => {
        event.preventDefault();
        close();
        void requestMove(request.demandId, request.placement, reason.trim());
      }}
    >
      <p>
        <strong>{key}</strong> {request.message}
      </p>
      {canOverride && (
        <>
          <label>
            {t("portfolio.override.reason")}
            <textarea
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required
              maxLength={500}
            />
          </label>
          <div className="form-actions">
            <button type="button" onClick={close}>
              {t("portfolio.override.keep")}
            </button>
            <button type="submit" className="primary" disabled={reason.trim() === ""}>
              {t("portfolio.override.pass")}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
