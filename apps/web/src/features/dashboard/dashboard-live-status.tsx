import { formatClockTime } from "../../ui/format";
import { useDashboardStore } from "./dashboard-store";

const LABELS = {
  live: "Live",
  connecting: "Connecting…",
  offline: "Offline: numbers refresh every few minutes",
};

/** Whether board changes are arriving (announced politely), and when the numbers were last fetched (not announced). */
export function DashboardLiveStatus() {
  const live = useDashboardStore((s) => s.live);
  const updatedAt = useDashboardStore((s) => s.updatedAt);
  return (
    <span className="dashboard-status">
      <output className="live-status" data-live={live} aria-live="polite">
        {LABELS[live]}
      </output>
      {updatedAt && (
        <span className="updated-at" data-testid="dashboard-updated-at">
          updated {formatClockTime(updatedAt)}
        </span>
      )}
    </span>
  );
}
