import type { TQuarterMetric, TTwoOneOneQuarter } from "@tideway/contracts";
import { days, goalReading, minutes, SMALL_SAMPLE_DEMANDS } from "@tideway/domain";
import { useEffect } from "react";
import { Link, useParams } from "wouter";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { formatDuration, formatInstant, formatPercent, formatSeconds } from "../../ui/format";
import { downloadCsv } from "../dashboard/download-csv";
import { fetchQuarterlyTwoOneOne } from "../dashboard/forecast-api";
import { quarterlyReportTable } from "./quarterly-report-table";
import "./quarterly-report.css";

/** The 2-1-1 goals (DESIGN.md), worded in the reader's language: "14 days", "14天". */
const GOALS = () => ({
  delivery: formatDuration(days(14)),
  development: formatDuration(days(7)),
  release: formatDuration(minutes(60)),
});

/**
 * The 2-1-1 trend over calendar quarters, for a board and its swim lanes:
 * a page made to be printed (or saved as PDF) for a quarterly review, and
 * downloaded as CSV. The team is the board: one value stream, one goal.
 */
export function QuarterlyReportPage() {
  const { boardId } = useParams();
  const t = useT();
  const loaded = useResource(
    boardId ? queryKeys.quarterlyReport(boardId) : null,
    () => fetchQuarterlyTwoOneOne(boardId as string),
    { failureMessage: t("report.loadFailed") },
  );
  const report = loaded.data;
  const failure = loaded.error;

  const documentTitle = report
    ? t("report.documentTitle", { board: report.board.name })
    : t("report.documentTitleLoading");
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);

  return (
    <main className="quarterly-report">
      <header className="page-header report-actions">
        <Link to={`/boards/${boardId}/dashboard`}>{t("report.back")}</Link>
        {report && (
          <>
            <button
              type="button"
              onClick={() =>
                downloadCsv(`${report.board.key}-2-1-1-by-quarter.csv`, quarterlyReportTable(report))
              }
            >
              {t("report.csv")}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t("report.print")}
            </button>
          </>
        )}
      </header>
      {failure && <p role="alert">{failure}</p>}
      {!report && !failure && <p className="page-message">{t("report.loading")}</p>}
      {report && (
        <>
          <h1>{t("report.title", { board: report.board.name, key: report.board.key })}</h1>
          <p className="report-intro">
            {t("report.intro", {
              ...GOALS(),
              businessDays: report.timeBasis === "business-days" ? "yes" : "no",
              generated: formatInstant(report.generatedAt),
            })}
          </p>
          <QuarterTable caption={t("report.wholeBoard")} quarters={report.quarters} />
          {report.lanes.map((lane) => (
            <QuarterTable
              key={lane.laneId}
              caption={t("report.lane", { lane: lane.name })}
              quarters={lane.quarters}
            />
          ))}
        </>
      )}
    </main>
  );
}

function QuarterTable({ caption, quarters }: { caption: string; quarters: TTwoOneOneQuarter[] }) {
  const t = useT();
  const goals = GOALS();
  return (
    <table className="report-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("report.quarter")}</th>
          <th scope="col">{t("report.deliveryGoal", { goal: goals.delivery })}</th>
          <th scope="col">{t("report.developmentGoal", { goal: goals.development })}</th>
          <th scope="col">{t("report.releaseGoal", { goal: goals.release })}</th>
        </tr>
      </thead>
      <tbody>
        {quarters.map((quarter) => (
          <tr key={quarter.label}>
            <th scope="row">
              {quarter.label}
              {quarter.partial && <span className="report-partial">{t("report.soFar")}</span>}
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
  const t = useT();
  if (metric.count === 0) return <td className="report-empty">{t("report.noneFinished")}</td>;
  // The same reading as the dashboard's tiles: a verdict from fewer than 10 demands says so.
  const reading = goalReading(metric);
  return (
    <td className={metric.goalMet ? "report-met" : "report-missed"}>
      {t("report.p85", { duration: formatSeconds(metric.p85) })} {metric.goalMet ? "✓" : "✗"}
      {reading.smallSample && (
        <span className="report-small-sample">
          {" "}
          {t("tile.smallSample", { count: metric.count, minimum: SMALL_SAMPLE_DEMANDS })}
        </span>
      )}
      <br />
      <span className="report-detail">
        {t("report.detail", { share: formatPercent(metric.attainment), count: metric.count })}
      </span>
    </td>
  );
}
