import { NO_VALUE } from "../../ui/format";
import { type DataTable, shownText } from "./data-table";

/** A chart's numbers as a real table: the accessible view, and the one to check by hand. */
export function DataTableView({ table, caption }: { table: DataTable; caption: string }) {
  return (
    <div className="data-table-scroller">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={typeof column === "string" ? column : column.csv} scope="col">
                {shownText(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            // Rows have no identity beyond their position: the table is rebuilt whole on every refresh.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={rowIndex}>
              {row.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={cellIndex} className={typeof cell === "number" ? "numeric" : undefined}>
                  {shownText(cell) ?? NO_VALUE}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
