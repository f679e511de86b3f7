import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { formatClockTime } from "../../ui/format";
import { useHydrated } from "../../ui/use-hydrated";
import type { LiveState } from "./use-live-dashboard";

const LABELS: Record<LiveState, MessageId> = {
  live: "live.live",
  connecting: "live.connecting",
  offline: "dashboard.offline",
};

/** Whether board changes are arriving (announced politely), and when the numbers were last fetched (not announced). */
export function DashboardLiveStatus({ live, updatedAt }: { live: LiveState; updatedAt: Date | null }) {
  const t = useT();
  // In the viewer's time zone, which a server rendering the page does not know (docs/decisions/021).
  const hydrated = useHydrated();
  return (
    <span className="dashboard-status">
      <output className="live-status" data-live={live} aria-live="polite">
        {t(LABELS[live])}
      </output>
      {updatedAt && hydrated && (
        <span className="updated-at" data-testid="dashboard-updated-at">
          {t("dashboard.updatedAt", { time: formatClockTime(updatedAt) })}
        </span>
      )}
    </span>
  );
}
