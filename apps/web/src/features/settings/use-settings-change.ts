import { useState } from "react";
import { ApiError } from "../../api/api-request";
import { notify } from "../../ui/notice-stack";
import { useBoardLive } from "../board/board-live-store";
import { useBoardStore } from "../board/board-store";

/**
 * Runs one settings change against the current board, then reloads the board;
 * a refusal ("Testing still holds 3 demands") is shown as the server said it.
 */
export function useSettingsChange() {
  const [busy, setBusy] = useState(false);
  async function run(change: (boardId: string) => Promise<unknown>): Promise<boolean> {
    const boardId = useBoardStore.getState().boardId;
    if (!boardId) return false;
    setBusy(true);
    try {
      await change(boardId);
      return true;
    } catch (error) {
      notify(error instanceof ApiError ? error.message : "The change could not be saved.");
      return false;
    } finally {
      setBusy(false);
      await useBoardLive.getState().refresh();
    }
  }
  return { busy, run };
}
