import { useState } from "react";
import { useLocation } from "wouter";
import { ApiError } from "../../api/api-request";
import { useT } from "../../i18n/use-t";
import { ModalDialog } from "../../ui/modal-dialog";
import { leaveBoard } from "./board-api";

/**
 * Lets anyone on the board (viewers too, who never see its settings) take
 * themself off it, after confirming; then the board list, without this board.
 * The server refuses the board's last admin and says why, here in the dialog.
 */
export function LeaveBoardButton({ boardId, boardName }: { boardId: string; boardName: string }) {
  const [confirming, setConfirming] = useState(false);
  const t = useT();

  return (
    <>
      <button type="button" className="danger-quiet" onClick={() => setConfirming(true)}>
        {t("leave.open")}
      </button>
      <ModalDialog open={confirming} title={t("leave.title")} onClose={() => setConfirming(false)}>
        <LeaveBoardConfirmation
          boardId={boardId}
          boardName={boardName}
          onCancel={() => setConfirming(false)}
        />
      </ModalDialog>
    </>
  );
}

function LeaveBoardConfirmation({
  boardId,
  boardName,
  onCancel,
}: {
  boardId: string;
  boardName: string;
  onCancel: () => void;
}) {
  const [, navigate] = useLocation();
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function leave() {
    setBusy(true);
    setError(null);
    try {
      await leaveBoard(boardId);
      navigate("/", { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t("leave.failed"));
      setBusy(false);
    }
  }

  return (
    <div className="leave-board">
      <p>{t("leave.explanation", { b: (chunks) => <strong>{chunks}</strong>, board: boardName })}</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-row">
        <button type="button" className="danger" disabled={busy} onClick={() => void leave()}>
          {t("leave.confirm")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("leave.stay")}
        </button>
      </div>
    </div>
  );
}
