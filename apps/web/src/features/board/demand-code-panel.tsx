import type { TDemand } from "@tideway/contracts";
import { DAY, fromSeconds, HOUR, MINUTE } from "@tideway/domain";
import { useResource } from "../../api/use-resource";
import { formatInstant } from "../../ui/format-time";
import { fetchDemandCode } from "./board-api";

const RELEASE_GOAL_SECONDS = 60 * 60;

/**
 * What the delivery pipeline reported for a demand: the commits and merges
 * naming its key, the release that shipped them and the release lead time
 * (the third number of 2-1-1). Refetched when the demand changes, since a
 * webhook that links a commit also bumps the demand's version.
 */
export function DemandCodePanel({ demand }: { demand: TDemand }) {
  const record = useResource(["demand-code", demand.id], () => fetchDemandCode(demand.id), {
    failureMessage: "The pipeline record could not be loaded.",
    refreshKey: demand.version,
  });
  const code = record.data;

  return (
    <section className="demand-code" aria-labelledby={`code-${demand.id}`}>
      <h3 id={`code-${demand.id}`}>Delivery pipeline</h3>
      {record.status === "failed" && <p>The pipeline record could not be loaded.</p>}
      {record.status === "loading" && <p>Loading…</p>}
      {code && code.submissions.length === 0 && code.deliveries.length === 0 && (
        <p>No commits name {demand.key} yet. Put the key in a commit message or branch name.</p>
      )}
      {code && (code.submissions.length > 0 || code.deliveries.length > 0) && (
        <>
          <dl className="demand-code-summary" data-testid="demand-code-summary">
            <dt>Last code submission</dt>
            <dd>{code.lastSubmissionAt ? formatInstant(code.lastSubmissionAt) : "none"}</dd>
            <dt>Released</dt>
            <dd>{code.releasedAt ? formatInstant(code.releasedAt) : "not yet"}</dd>
            <dt>Release lead time</dt>
            <dd
              data-goal={
                code.releaseLeadTime === null
                  ? "none"
                  : code.releaseLeadTime <= RELEASE_GOAL_SECONDS
                    ? "met"
                    : "missed"
              }
            >
              {code.releaseLeadTime === null ? "not released yet" : formatLeadTime(code.releaseLeadTime)}
            </dd>
          </dl>
          <ul className="demand-code-events">
            {[...code.submissions, ...code.deliveries].map((event) => (
              <li key={event.id}>
                <span className="code-kind">{event.kind}</span> {event.sha?.slice(0, 7) ?? ""}{" "}
                {event.environment ? `(${event.environment}) ` : ""}
                {event.message ?? event.repository ?? ""}{" "}
                <time dateTime={event.at}>{formatInstant(event.at)}</time>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function formatLeadTime(seconds: number): string {
  const leadTime = fromSeconds(seconds);
  if (leadTime < HOUR) return `${Math.round(leadTime / MINUTE)} min (goal: within 60 min)`;
  if (leadTime < DAY) return `${(leadTime / HOUR).toFixed(1)} hours (goal: within 60 min)`;
  return `${(leadTime / DAY).toFixed(1)} days (goal: within 60 min)`;
}
