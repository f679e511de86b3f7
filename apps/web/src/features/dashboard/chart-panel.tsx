import { type ReactNode, useId, useState } from "react";
import type { DataTable } from "./data-table";
import { DataTableView } from "./data-table-view";
import { MetricHelp } from "./metric-help";
import { TableActions } from "./table-actions";

interface ChartPanelProps {
  /** Names the panel for tests (`data-testid="chart-<name>"`) and its CSV file. */
  name: string;
  title: string;
  definition: string | readonly string[];
  table: DataTable;
  /** File name prefix, e.g. "PAY-2026-11-01": the board and the window. */
  csvPrefix: string;
  /** One line under the title: the number a lead looks for first. */
  summary?: ReactNode;
  /** Shown instead of the chart when there is nothing to draw. */
  emptyMessage?: string | null;
  /** Text under the chart: how to read it. */
  note?: ReactNode;
  children: ReactNode;
}

/** One chart of the dashboard with its heading, definition, table view and CSV download. */
export function ChartPanel(props: ChartPanelProps) {
  const { name, title, definition, table, csvPrefix, summary, emptyMessage, note, children } = props;
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();

  let body: ReactNode;
  if (emptyMessage) body = <p className="chart-empty">{emptyMessage}</p>;
  else if (showTable) body = <DataTableView table={table} caption={title} />;
  else body = <div className="chart-frame">{children}</div>;

  return (
    <section className="chart-panel" data-testid={`chart-${name}`} aria-labelledby={titleId}>
      <header className="chart-panel-header">
        <h3 id={titleId}>{title}</h3>
        <MetricHelp topic={title.toLowerCase()} definition={definition} />
        <TableActions
          subject={title}
          showTable={showTable}
          onToggleTable={() => setShowTable(!showTable)}
          table={table}
          csvName={`${csvPrefix}-${name}.csv`}
        />
      </header>
      {summary && <p className="chart-summary">{summary}</p>}
      {body}
      {note && <p className="chart-note">{note}</p>}
    </section>
  );
}
