import { useState } from "react";
import { ApiError } from "../../api/api-request";
import { translate } from "../../i18n/intl";
import { notify } from "../../ui/notice-stack";
import { useBoardLive } from "../board/board-live-store";
import { useBoardStore } from "../board/board-store";

/** Settings changes share one notice: the latest outcome replaces an earlier one. */
const SETTINGS_NOTICE = "settings change";

/**
 * Runs one settings change against the current board, then reloads the board.
 * Success is confirmed with `done`; a refusal ("Testing still holds 3
 * demands") is shown as the server said it.
 */
export function useSettingsChange() {
  const [busy, setBusy] = useState(false);
  async function run(
    change: (boardId: string) => Promise<unknown>,
    done = translate("settings.saved"),
  ): Promise<boolean> {
    const boardId = useBoardStore.getState().boardId;
    if (!boardId) return false;
    setBusy(true);
    try {
      await change(boardId);
      notify(done, { topic: SETTINGS_NOTICE, tone: "success" });
      return true;
    } catch (error) {
      notify(error instanceof ApiError ? error.message : translate("settings.saveFailed"), {
        topic: SETTINGS_NOTICE,
      });
      return false;
    } finally {
      setBusy(false);
      await useBoardLive.getState().refresh();
    }
  }
  return { busy, run };
}
