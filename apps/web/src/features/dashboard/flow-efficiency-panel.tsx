import type { TMetrics } from "@tideway/contracts";
import { Bar, BarChart, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "../../i18n/use-t";
import { formatPercent, formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import { type DataTable, tableText } from "./data-table";
import { daysTooltip } from "./days-axis";
import { definitionsOf } from "./definitions";

/** Flow efficiency as one number, with the active and waiting time it comes from. */
export function FlowEfficiencyPanel({ metrics, csvPrefix }: { metrics: TMetrics; csvPrefix: string }) {
  const t = useT();
  const { efficiency, activeTime, cycleTime } = metrics.flowEfficiency;
  const waiting = Math.max(0, cycleTime - activeTime);
  const data = [{ name: "cycle-time", active: inDays(activeTime), waiting: inDays(waiting) }];

  return (
    <ChartPanel
      name="flow-efficiency"
      title={t("dashboard.flowEfficiency.title")}
      definition={definitionsOf("flowEfficiency")}
      table={flowEfficiencyTable(metrics.flowEfficiency)}
      csvPrefix={csvPrefix}
      emptyMessage={efficiency === null ? t("dashboard.noneDelivered") : null}
    >
      <p className="efficiency">
        <span className="efficiency-number" data-testid="flow-efficiency-value">
          {formatPercent(efficiency)}
        </span>
        <span>
          {t("dashboard.flowEfficiency.activeOfTotal", {
            active: formatSeconds(activeTime),
            total: formatSeconds(cycleTime),
          })}
          <br />
          <span className="muted">{t("dashboard.flowEfficiency.summed")}</span>
        </span>
      </p>
      <BarChart
        responsive
        layout="vertical"
        style={{ width: "100%", height: 70 }}
        data={data}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
      >
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip formatter={daysTooltip} labelFormatter={() => t("dashboard.flowEfficiency.cycleTime")} />
        <Bar
          dataKey="active"
          name={t("dashboard.flowEfficiency.active")}
          stackId="time"
          fill={COLORS.active}
          isAnimationActive={false}
        />
        <Bar
          dataKey="waiting"
          name={t("dashboard.flowEfficiency.waiting")}
          stackId="time"
          fill="#c3ccd8"
          isAnimationActive={false}
        />
      </BarChart>
      <p className="chart-legend">
        <span>
          <span className="swatch" style={{ background: COLORS.active }} aria-hidden="true" />
          {t("dashboard.flowEfficiency.active")}
        </span>
        <span>
          <span className="swatch" style={{ background: "#c3ccd8" }} aria-hidden="true" />
          {t("dashboard.flowEfficiency.waiting")}
        </span>
      </p>
    </ChartPanel>
  );
}

function flowEfficiencyTable(flow: TMetrics["flowEfficiency"]): DataTable {
  return {
    columns: [
      tableText("dashboard.flowEfficiency.column.active"),
      tableText("dashboard.flowEfficiency.column.waiting"),
      tableText("dashboard.flowEfficiency.column.cycleTime"),
      tableText("dashboard.flowEfficiency.column.efficiency"),
    ],
    rows: [
      [
        inDays(flow.activeTime),
        inDays(Math.max(0, flow.cycleTime - flow.activeTime)),
        inDays(flow.cycleTime),
        flow.efficiency === null ? null : Math.round(flow.efficiency * 1000) / 10,
      ],
    ],
  };
}
