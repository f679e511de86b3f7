import { METRIC_DEFINITIONS, type TMetrics } from "@tideway/contracts";
import { Bar, BarChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent, formatSeconds, inDays } from "../../ui/format";
import { COLORS } from "./chart-colors";
import { ChartPanel } from "./chart-panel";
import type { DataTable } from "./data-table";

/** Flow efficiency as one number, with the active and waiting time it comes from. */
export function FlowEfficiencyPanel({ metrics, csvPrefix }: { metrics: TMetrics; csvPrefix: string }) {
  const { efficiency, activeTime, cycleTime } = metrics.flowEfficiency;
  const waiting = Math.max(0, cycleTime - activeTime);
  const data = [{ name: "Cycle time", active: inDays(activeTime), waiting: inDays(waiting) }];

  return (
    <ChartPanel
      name="flow-efficiency"
      title="Flow efficiency"
      definition={METRIC_DEFINITIONS.flowEfficiency}
      table={flowEfficiencyTable(metrics.flowEfficiency)}
      csvPrefix={csvPrefix}
      emptyMessage={efficiency === null ? "No demand was delivered in this window." : null}
    >
      <p className="efficiency">
        <span className="efficiency-number" data-testid="flow-efficiency-value">
          {formatPercent(efficiency)}
        </span>
        <span>
          {formatSeconds(activeTime)} active of {formatSeconds(cycleTime)} total cycle time
          <br />
          <span className="muted">summed over the demands delivered in the window</span>
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
        <Tooltip formatter={(value, name) => [`${String(value)} days`, name]} />
        <Bar dataKey="active" name="Active" stackId="time" fill={COLORS.active} isAnimationActive={false} />
        <Bar
          dataKey="waiting"
          name="Waiting (queues, blocked)"
          stackId="time"
          fill="#c3ccd8"
          isAnimationActive={false}
        />
      </BarChart>
      <p className="chart-legend">
        <span>
          <span className="swatch" style={{ background: COLORS.active }} aria-hidden="true" />
          Active
        </span>
        <span>
          <span className="swatch" style={{ background: "#c3ccd8" }} aria-hidden="true" />
          Waiting (queues, blocked)
        </span>
      </p>
    </ChartPanel>
  );
}

function flowEfficiencyTable(flow: TMetrics["flowEfficiency"]): DataTable {
  return {
    columns: ["Active time (days)", "Waiting time (days)", "Cycle time (days)", "Flow efficiency (%)"],
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
