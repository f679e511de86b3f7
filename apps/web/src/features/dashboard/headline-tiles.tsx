import { METRIC_DEFINITIONS, type TMetrics } from "@tideway/contracts";
import { useState } from "react";
import { inDays, inMinutes } from "../../ui/format";
import type { DataTable } from "./data-table";
import { DataTableView } from "./data-table-view";
import { utcMinute } from "./format-date";
import { HeadlineTile, type TileKind } from "./headline-tile";
import { TableActions } from "./table-actions";

const TILES: readonly {
  kind: TileKind;
  title: string;
  counted: string;
  toUnit: (seconds: number) => number;
  unit: string;
}[] = [
  { kind: "delivery", title: "Delivery cycle time", counted: "delivered", toUnit: inDays, unit: "days" },
  {
    kind: "development",
    title: "Development cycle time",
    counted: "developed",
    toUnit: inDays,
    unit: "days",
  },
  { kind: "release", title: "Release lead time", counted: "released", toUnit: inMinutes, unit: "minutes" },
];

/** The 2 / 1 / 1 tiles, with their weekly trends as one table and CSV. */
export function HeadlineTiles({ metrics, csvPrefix }: { metrics: TMetrics; csvPrefix: string }) {
  const [showTable, setShowTable] = useState(false);
  const table = trendTable(metrics);
  return (
    <section className="headline" aria-labelledby="headline-title">
      <header className="section-header">
        <h2 id="headline-title">2-1-1 goals</h2>
        <TableActions
          subject="2-1-1 weekly trend"
          showTable={showTable}
          onToggleTable={() => setShowTable(!showTable)}
          table={table}
          csvName={`${csvPrefix}-2-1-1-trend.csv`}
        />
      </header>
      <div className="tiles">
        {TILES.map((tile) => (
          <HeadlineTile
            key={tile.kind}
            {...tile}
            tile={metrics[tile.kind]}
            definition={[METRIC_DEFINITIONS[tile.kind], METRIC_DEFINITIONS.percentiles]}
          />
        ))}
      </div>
      {showTable && <DataTableView table={table} caption="2-1-1 weekly trend (the sparklines)" />}
    </section>
  );
}

/** One row per trend week: each metric's count, p85 and share within target. */
function trendTable(metrics: TMetrics): DataTable {
  const weeks = metrics.delivery.trend;
  return {
    columns: [
      "Week from (UTC)",
      "Week to (UTC)",
      ...TILES.flatMap(({ title, unit }) => [
        `${title}: count`,
        `${title}: p85 (${unit})`,
        `${title}: within target (%)`,
      ]),
    ],
    rows: weeks.map((week, index) => [
      utcMinute(week.start),
      utcMinute(week.end),
      ...TILES.flatMap(({ kind, toUnit }) => {
        const bucket = metrics[kind].trend[index];
        if (!bucket) return [null, null, null];
        return [
          bucket.count,
          bucket.p85 === null ? null : toUnit(bucket.p85),
          bucket.attainment === null ? null : Math.round(bucket.attainment * 1000) / 10,
        ];
      }),
    ]),
  };
}
