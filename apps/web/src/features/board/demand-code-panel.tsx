import type { TDemand } from "@tideway/contracts";
import { SECONDS_PER_HOUR } from "@tideway/domain";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { useT } from "../../i18n/use-t";
import { formatInstant, formatSeconds } from "../../ui/format";
import { fetchDemandCode } from "./board-api";

const RELEASE_GOAL_SECONDS = SECONDS_PER_HOUR;

/**
 * What the delivery pipeline reported for a demand: the commits and merges
 * naming its key, the release that shipped them and the release lead time
 * (the third number of 2-1-1). Refetched when the demand changes, since a
 * webhook that links a commit also bumps the demand's version.
 */
export function DemandCodePanel({ demand }: { demand: TDemand }) {
  const t = useT();
  const record = useResource(queryKeys.demandCode(demand.id), () => fetchDemandCode(demand.id), {
    failureMessage: t("code.loadFailed"),
    refreshKey: demand.version,
  });
  const code = record.data;

  return (
    <section className="demand-code" aria-labelledby={`code-${demand.id}`}>
      <h3 id={`code-${demand.id}`}>{t("code.title")}</h3>
      {record.status === "failed" && <p>{t("code.loadFailed")}</p>}
      {record.status === "loading" && <p>{t("app.loading")}</p>}
      {code && code.submissions.length === 0 && code.deliveries.length === 0 && (
        <p>{t("code.noCommits", { key: demand.key })}</p>
      )}
      {code && (code.submissions.length > 0 || code.deliveries.length > 0) && (
        <>
          <dl className="demand-code-summary" data-testid="demand-code-summary">
            <dt>{t("code.lastSubmission")}</dt>
            <dd>{code.lastSubmissionAt ? formatInstant(code.lastSubmissionAt) : t("code.none")}</dd>
            <dt>{t("code.released")}</dt>
            <dd>{code.releasedAt ? formatInstant(code.releasedAt) : t("code.notYet")}</dd>
            <dt>{t("code.leadTimeTitle")}</dt>
            <dd
              data-goal={
                code.releaseLeadTime === null
                  ? t("code.none")
                  : code.releaseLeadTime <= RELEASE_GOAL_SECONDS
                    ? "met"
                    : "missed"
              }
            >
              {code.releaseLeadTime === null
                ? t("code.notReleased")
                : t("code.leadTime", {
                    duration: formatSeconds(code.releaseLeadTime),
                    goal: formatSeconds(RELEASE_GOAL_SECONDS),
                  })}
            </dd>
          </dl>
          <ul className="demand-code-events">
            {[...code.submissions, ...code.deliveries].map((event) => (
              <li key={event.id}>
                <span className="code-kind">{t("code.kind", { kind: event.kind })}</span>{" "}
                {event.sha?.slice(0, 7) ?? ""} {event.environment ? `(${event.environment}) ` : ""}
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
