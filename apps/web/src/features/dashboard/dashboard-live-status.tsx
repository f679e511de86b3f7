import { formatClockTime } from "../../ui/format";
import type { LiveState } from "./use-live-dashboard";

const LABELS = {
  live: "Live",
  connecting: "Connecting…",
  offline: "Offline: numbers refresh every few minutes",
};

/** Whether board changes are arriving (announced politely), and when the numbers were last fetched (not announced). */
export function DashboardLiveStatus({ live, updatedAt }: { live: LiveState; updatedAt: Date | null }) {
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
