import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { useBoardLive } from "./board-live-store";

const LABELS: Record<"live" | "connecting" | "offline", MessageId> = {
  live: "live.live",
  connecting: "live.connecting",
  offline: "live.offline",
};

/** Whether others' changes are arriving; a polite status, not an alert. */
export function LiveStatus() {
  const status = useBoardLive((s) => s.status);
  const t = useT();
  return (
    <output className="live-status" data-live={status} aria-live="polite">
      {t(LABELS[status])}
    </output>
  );
}
