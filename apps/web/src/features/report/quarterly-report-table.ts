import type { TQuarterlyTwoOneOne, TQuarterMetric, TTwoOneOneQuarter } from "@tideway/contracts";
import { inDays, inMinutes } from "../../ui/format";
import type { DataTable } from "../dashboard/data-table";

const METRICS = [
  { key: "delivery", label: "Delivery", unit: "days" },
  { key: "development", label: "Development", unit: "days" },
  { key: "release", label: "Release", unit: "minutes" },
] as const;

/**
 * The quarterly 2-1-1 report as one table, the board's rows first and then
 * each swim lane's: what the CSV holds. Delivery and development in days,
 * release lead time in minutes; attainment in percent.
 */
export function quarterlyReportTable(report: TQuarterlyTwoOneOne): DataTable {
  const columns = [
    "Scope",
    "Quarter",
    "Partial",
    ...METRICS.flatMap(({ label, unit }) => [
      `${label} count`,
      `${label} p85 (${unit})`,
      `${label} attainment (%)`,
      `${label} goal met`,
    ]),
  ];
  const rows = (scope: string, quarters: TTwoOneOneQuarter[]) =>
    quarters.map((quarter) => [
      scope,
      quarter.label,
      quarter.partial ? "yes" : "no",
      ...METRICS.flatMap(({ key, unit }) => metricCells(quarter[key], unit)),
    ]);
  return {
    columns,
    rows: [
      ...rows("Whole board", report.quarters),
      ...report.lanes.flatMap((lane) => rows(`Lane: ${lane.name}`, lane.quarters)),
    ],
  };
}

function metricCells(metric: TQuarterMetric, unit: "days" | "minutes") {
  const p85 = metric.p85 === null ? null : unit === "days" ? inDays(metric.p85) : inMinutes(metric.p85);
  const attainment = metric.attainment === null ? null : Math.round(metric.attainment * 1000) / 10;
  const goal = metric.goalMet === null ? null : metric.goalMet ? "yes" : "no";
  return [metric.count, p85, attainment, goal];
}
