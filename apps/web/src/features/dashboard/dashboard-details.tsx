import type { TBoard, TMetrics } from "@tideway/contracts";
import { useEffect } from "react";
import { useT } from "../../i18n/use-t";
import { AgingWorkChart } from "./aging-work-chart";
import { CumulativeFlowChart } from "./cumulative-flow-chart";
import { CycleTimeScatter } from "./cycle-time-scatter";
import type { DashboardView } from "./dashboard-view";
import { FlowEfficiencyPanel } from "./flow-efficiency-panel";
import { ForecastPanel } from "./forecast-panel";
import { isoDay } from "./format-date";
import { InsightPanels } from "./insight-panels";
import { ThroughputChart } from "./throughput-chart";
import { TimeInStageChart } from "./time-in-stage-chart";

interface DashboardDetailsProps {
  boardId: string | undefined;
  board: TBoard | null;
  metrics: TMetrics;
  view: DashboardView;
  csvPrefix: string;
  /** Called once the charts are on the page. */
  onShown: () => void;
}

/**
 * Everything under the 2-1-1 tiles: the flow charts, the insights and the forecast. It loads
 * in a chunk of its own with the charting library (dashboard-page.tsx), so the tiles, which
 * the wall screen is read for, show without waiting for the charts (issue 19).
 */
export function DashboardDetails({
  boardId,
  board,
  metrics,
  view,
  csvPrefix,
  onShown,
}: DashboardDetailsProps) {
  const t = useT();
  const stages = board?.stages ?? [];
  useEffect(() => onShown(), [onShown]);

  return (
    <>
      <section className="flow" aria-labelledby="flow-title">
        <h2 id="flow-title">{t("dashboard.flow")}</h2>
        <div className="chart-grid">
          <CycleTimeScatter metrics={metrics} csvPrefix={csvPrefix} />
          <CumulativeFlowChart metrics={metrics} csvPrefix={csvPrefix} />
          <AgingWorkChart metrics={metrics} stages={stages} csvPrefix={csvPrefix} />
          <ThroughputChart
            metrics={metrics}
            rolling={view.window.kind === "rolling" || view.window.to === null}
            csvPrefix={csvPrefix}
          />
          <TimeInStageChart metrics={metrics} stages={stages} csvPrefix={csvPrefix} />
          <FlowEfficiencyPanel metrics={metrics} csvPrefix={csvPrefix} />
        </div>
      </section>
      <InsightPanels boardId={boardId} csvPrefix={csvPrefix} />
      {boardId && (
        <ForecastPanel
          boardId={boardId}
          filter={{ lane: view.lane, type: view.type }}
          demands={board?.demands ?? []}
          csvPrefix={`${board?.key ?? "board"}-${isoDay(Date.now())}`}
        />
      )}
    </>
  );
}
