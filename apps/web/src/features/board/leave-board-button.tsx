import { useState } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/api-request";
import { ModalDialog } from "../../ui/modal-dialog";
import { leaveBoard } from "./board-api";

/**
 * Lets anyone on the board (viewers too, who never see its settings) take
 * themself off it, after confirming; then the board list, without this board.
 * The server refuses the board's last admin and says why, here in the dialog.
 */
export function LeaveBoardButton({ boardId, boardName }: { boardId: string; boardName: string }) {
  const [confirming, setConfirming] = useState(false);

  return (
    <>
      <button type="button" className="danger-quiet" onClick={() => setConfirming(true)}>
        Leave this board
      </button>
      <ModalDialog open={confirming} title="Leave this board?" onClose={() => setConfirming(false)}>
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
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function leave() {
    setBusy(true);
    setError(null);
    try {
      await leaveBoard(boardId);
      await navigate("/", { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "You could not leave the board. Try again.");
      setBusy(false);
    }
  }

  return (
    <div className="leave-board">
      <p>
        You will no longer see <strong>{boardName}</strong>, its dashboard or its stand-up. What you did on it
        stays; a board admin can add you again.
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="form-row">
        <button type="button" className="danger" disabled={busy} onClick={() => void leave()}>
          Leave board
        </button>
        <button type="button" onClick={onCancel}>
          Stay
        </button>
      </div>
    </div>
  );
}
