import { useT } from "../../i18n/use-t";
import type { DataTable } from "./data-table";
import { downloadCsv } from "./download-csv";

interface TableActionsProps {
  /** What the numbers are, for the buttons' accessible names: "Throughput". */
  subject: string;
  showTable: boolean;
  onToggleTable: () => void;
  table: DataTable;
  csvName: string;
}

/** "Table view" (a toggle) and "Download CSV" for one chart's numbers. */
export function TableActions({ subject, showTable, onToggleTable, table, csvName }: TableActionsProps) {
  const t = useT();
  return (
    <span className="table-actions">
      <button
        type="button"
        aria-pressed={showTable}
        aria-label={t("dashboard.table.viewLabel", { subject })}
        onClick={onToggleTable}
      >
        {t("dashboard.table.view")}
      </button>
      <button
        type="button"
        aria-label={t("dashboard.table.csvLabel", { subject })}
        disabled={table.rows.length === 0}
        onClick={() => downloadCsv(csvName, table)}
      >
        {t("report.csv")}
      </button>
    </span>
  );
}
