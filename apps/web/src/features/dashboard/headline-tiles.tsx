import type { TMetrics } from "@tideway/contracts";
import { useState } from "react";
import type { MessageId } from "../../i18n/messages";
import { useT } from "../../i18n/use-t";
import { inDays, inMinutes } from "../../ui/format";
import { type DataTable, tableText } from "./data-table";
import { DataTableView } from "./data-table-view";
import { definitionsOf } from "./definitions";
import { utcMinute } from "./format-date";
import { HeadlineTile, type TileKind, type TileUnit } from "./headline-tile";
import { TableActions } from "./table-actions";

const TILES: readonly {
  kind: TileKind;
  titleId: MessageId;
  toUnit: (seconds: number) => number;
  unit: TileUnit;
}[] = [
  { kind: "delivery", titleId: "dashboard.tile.delivery", toUnit: inDays, unit: "days" },
  { kind: "development", titleId: "dashboard.tile.development", toUnit: inDays, unit: "days" },
  { kind: "release", titleId: "dashboard.tile.release", toUnit: inMinutes, unit: "minutes" },
];

/** The 2 / 1 / 1 tiles, with their weekly trends as one table and CSV. */
export function HeadlineTiles({ metrics, csvPrefix }: { metrics: TMetrics; csvPrefix: string }) {
  const t = useT();
  const [showTable, setShowTable] = useState(false);
  const table = trendTable(metrics);
  return (
    <section className="headline" aria-labelledby="headline-title">
      <header className="section-header">
        <h2 id="headline-title">{t("dashboard.tiles.title")}</h2>
        <TableActions
          subject={t("dashboard.trend.title")}
          showTable={showTable}
          onToggleTable={() => setShowTable(!showTable)}
          table={table}
          csvName={`${csvPrefix}-2-1-1-trend.csv`}
        />
      </header>
      <div className="tiles">
        {TILES.map(({ kind, titleId, toUnit, unit }) => (
          <HeadlineTile
            key={kind}
            kind={kind}
            title={t(titleId)}
            toUnit={toUnit}
            unit={unit}
            tile={metrics[kind]}
            definition={definitionsOf(kind, "percentiles")}
          />
        ))}
      </div>
      {showTable && <DataTableView table={table} caption={t("dashboard.trend.caption")} />}
    </section>
  );
}

/** One row per trend week: each metric's count, p85 and share within target. */
function trendTable(metrics: TMetrics): DataTable {
  const weeks = metrics.delivery.trend;
  return {
    columns: [
      tableText("dashboard.column.weekFrom"),
      tableText("dashboard.column.weekTo"),
      ...TILES.flatMap(({ titleId, unit }) => {
        const metric = tableText(titleId);
        return [
          tableText("dashboard.trend.count", { metric }),
          tableText("dashboard.trend.p85", { metric, unit }),
          tableText("dashboard.trend.withinTarget", { metric }),
        ];
      }),
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
