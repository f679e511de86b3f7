import { useBoardLive } from "./board-live-store";

const LABELS = {
  live: "Live",
  connecting: "Connecting…",
  offline: "Offline: changes by others appear on reload",
};

/** Whether others' changes are arriving; a polite status, not an alert. */
export function LiveStatus() {
  const status = useBoardLive((s) => s.status);
  return (
    <output className="live-status" data-live={status} aria-live="polite">
      {LABELS[status]}
    </output>
  );
}
