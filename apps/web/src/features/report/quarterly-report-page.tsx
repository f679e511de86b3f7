import type { TQuarterMetric, TTwoOneOneQuarter } from "@tideway/contracts";
import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { useResource } from "../../api/use-resource";
import { formatInstant, formatPercent, formatSeconds } from "../../ui/format";
import { downloadCsv } from "../dashboard/download-csv";
import { fetchQuarterlyTwoOneOne } from "../dashboard/forecast-api";
import { quarterlyReportTable } from "./quarterly-report-table";
import "./quarterly-report.css";

/**
 * The 2-1-1 trend over calendar quarters, for a board and its swim lanes:
 * a page made to be printed (or saved as PDF) for a quarterly review, and
 * downloaded as CSV. The team is the board: one value stream, one goal.
 */
export function QuarterlyReportPage() {
  const { boardId } = useParams();
  const loaded = useResource(
    boardId ? ["quarterly-report", boardId] : null,
    () => fetchQuarterlyTwoOneOne(boardId as string),
    { failureMessage: "The report could not be loaded." },
  );
  const report = loaded.data;
  const failure = loaded.error;

  useEffect(() => {
    document.title = report ? `${report.board.name} quarterly 2-1-1 report · Tideway` : "Report · Tideway";
  }, [report]);

  return (
    <main className="quarterly-report">
      <header className="page-header report-actions">
        <Link to={`/boards/${boardId}/dashboard`}>Back to the dashboard</Link>
        {report && (
          <>
            <button
              type="button"
              onClick={() =>
                downloadCsv(`${report.board.key}-2-1-1-by-quarter.csv`, quarterlyReportTable(report))
              }
            >
              Download CSV
            </button>
            <button type="button" onClick={() => window.print()}>
              Print
            </button>
          </>
        )}
      </header>
      {failure && <p role="alert">{failure}</p>}
      {!report && !failure && <p className="page-message">Loading the report…</p>}
      {report && (
        <>
          <h1>
            {report.board.name} ({report.board.key}): the 2-1-1 goal by quarter
          </h1>
          <p className="report-intro">
            85% of demands delivered within 14 days of commitment, developed within 7 days, and released
            within 60 minutes of the last code change. Each cell shows the quarter's p85 (85% of the demands
            finished at or under it) and, below, the share within target; ✓ marks a goal met. Quarters are UTC
            calendar quarters; each metric counts the demands that finished it in the quarter.
            {report.timeBasis === "business-days" && " Durations count business days only."} Generated{" "}
            {formatInstant(report.generatedAt)}.
          </p>
          <QuarterTable caption="Whole board" quarters={report.quarters} />
          {report.lanes.map((lane) => (
            <QuarterTable key={lane.laneId} caption={`Swim lane: ${lane.name}`} quarters={lane.quarters} />
          ))}
        </>
      )}
    </main>
  );
}

function QuarterTable({ caption, quarters }: { caption: string; quarters: TTwoOneOneQuarter[] }) {
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Quarter</th>
          <th scope="col">Delivery (goal 14 days)</th>
          <th scope="col">Development (goal 7 days)</th>
          <th scope="col">Release (goal 60 min)</th>
        </tr>
      </thead>
      <tbody>
        {quarters.map((quarter) => (
          <tr key={quarter.label}>
            <th scope="row">
              {quarter.label}
              {quarter.partial && <span className="report-partial"> (so far)</span>}
            </th>
            <MetricCell metric={quarter.delivery} />
            <MetricCell metric={quarter.development} />
            <MetricCell metric={quarter.release} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MetricCell({ metric }: { metric: TQuarterMetric }) {
  if (metric.count === 0) return <td className="report-empty">none finished</td>;
  return (
    <td className={metric.goalMet ? "report-met" : "report-missed"}>
      p85 {formatSeconds(metric.p85)} {metric.goalMet ? "✓" : "✗"}
      <br />
      <span className="report-detail">
        {formatPercent(metric.attainment)} within target · {metric.count} demand
        {metric.count === 1 ? "" : "s"}
      </span>
    </td>
  );
}
