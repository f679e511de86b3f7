import type { TBoard, TMetrics } from "@tideway/contracts";
import { useT } from "../../i18n/use-t";
import { formatDay } from "../../ui/format";
import { type DashboardView, describeWindow } from "./dashboard-view";

/** The line under the filters saying what the numbers cover: the window, the filters and the time basis. */
export function WindowLine(props: {
  view: DashboardView;
  board: TBoard | null;
  metrics: TMetrics | null;
  updating: boolean;
}) {
  const { view, board, metrics, updating } = props;
  const t = useT();
  const parts = [
    metrics && view.window.kind === "rolling"
      ? t("dashboard.window.rollingSince", {
          days: view.window.days,
          from: formatDay(metrics.window.from),
        })
      : describeWindow(view),
  ];
  if (view.lane && board) {
    const lane = board.lanes.find((candidate) => candidate.id === view.lane);
    parts.push(t("dashboard.window.lane", { lane: lane?.name ?? t("cell.unknownLane") }));
  }
  if (view.type) parts.push(t("dashboard.window.type", { type: view.type }));
  if (metrics?.timeBasis === "business-days") parts.push(t("dashboard.window.businessDays"));
  return (
    <p className="dashboard-window">
      {parts.join(" · ")}
      {updating && <span className="muted"> · {t("dashboard.window.updating")}</span>}
    </p>
  );
}
