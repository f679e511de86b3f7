import type { TDemand, TDemandHistory, THistoryEntry } from "@tideway/contracts";
import { useId } from "react";
import { useResource } from "../../api/use-resource";
import { formatInstant } from "../../ui/format-time";
import { formatDuration } from "../dashboard/format-duration";
import { fetchDemandHistory } from "./card-record-api";

/**
 * The card's journey: its 2-1-1 figures, then every stage it entered, its
 * blocked periods, owners, criteria ticks and pipeline events, oldest first.
 * Asked again whenever the demand changes (every change bumps its version).
 */
export function DemandJourney({ demand }: { demand: TDemand }) {
  const headingId = useId();
  const history = useResource(["demand-history", demand.id], () => fetchDemandHistory(demand.id), {
    failureMessage: "The journey could not be loaded.",
    refreshKey: demand.version,
  });
  return (
    <section className="demand-journey" aria-labelledby={headingId}>
      <h3 id={headingId}>Journey</h3>
      {history.status === "failed" && <p>The journey could not be loaded.</p>}
      {history.status === "loading" && <p>Loading…</p>}
      {history.data && (
        <>
          <CycleFigures cycleTimes={history.data.cycleTimes} />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls past 16rem; focusable, keyboard users can scroll it (axe scrollable-region-focusable). */}
          <ol className="journey-list" tabIndex={0} aria-labelledby={headingId}>
            {history.data.entries.map((entry, index) => (
              <li
                // Entries never reorder; the index is their identity within one answer.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                key={index}
                data-kind={entry.kind}
                data-stage={entry.kind === "stage" ? entry.stageName : undefined}
              >
                <time dateTime={entry.at}>{formatInstant(entry.at)}</time>
                <span className="journey-what">{describeEntry(entry)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function CycleFigures({ cycleTimes }: { cycleTimes: TDemandHistory["cycleTimes"] }) {
  const { delivery, development, age } = cycleTimes;
  const against = (seconds: number | null, target: number) =>
    seconds === null
      ? "not finished"
      : `${formatDuration(seconds)}: ${seconds <= target ? "within" : "over"}`;
  return (
    <dl className="journey-figures" data-testid="journey-figures">
      <div data-goal={goal(delivery.seconds, delivery.targetSeconds)}>
        <dt>Delivery cycle time</dt>
        <dd>
          {against(delivery.seconds, delivery.targetSeconds)} the {formatDuration(delivery.targetSeconds)}{" "}
          target
        </dd>
      </div>
      <div data-goal={goal(development.seconds, development.targetSeconds)}>
        <dt>Development cycle time</dt>
        <dd>
          {against(development.seconds, development.targetSeconds)} the{" "}
          {formatDuration(development.targetSeconds)} target
        </dd>
      </div>
      {age && (
        <div data-age={age.status}>
          <dt>Age since commitment</dt>
          <dd>
            {formatDuration(age.seconds)}:{" "}
            {age.sleSeconds === null
              ? "no SLE yet (nothing delivered in the last 30 days)"
              : age.status === "beyond-sle"
                ? `past the SLE of ${formatDuration(age.sleSeconds)}`
                : `within the SLE of ${formatDuration(age.sleSeconds)}`}
          </dd>
        </div>
      )}
    </dl>
  );
}

function goal(seconds: number | null, target: number): "met" | "missed" | "none" {
  if (seconds === null) return "none";
  return seconds <= target ? "met" : "missed";
}

function by(person: { name: string } | null): string {
  return person ? ` by ${person.name}` : " by the pipeline";
}

function describeEntry(entry: THistoryEntry): string {
  switch (entry.kind) {
    case "stage": {
      const how =
        entry.fromStageName === null ? `Created in ${entry.stageName}` : `Entered ${entry.stageName}`;
      const stay =
        entry.stayedSeconds === null ? "still there" : `stayed ${formatDuration(entry.stayedSeconds)}`;
      return `${how}${by(entry.by)}; ${stay}`;
    }
    case "lane":
      return `Moved to the ${entry.laneName} lane${by(entry.by)}`;
    case "blocked": {
      const reason = entry.reason ? `: ${entry.reason}` : "";
      const lasted =
        entry.blockedSeconds === null
          ? "still blocked"
          : `unblocked after ${formatDuration(entry.blockedSeconds)}`;
      return `Blocked${reason}${by(entry.by)}; ${lasted}`;
    }
    case "archived":
      return `Archived${by(entry.by)}`;
    case "restored":
      return `Restored${by(entry.by)}`;
    case "owner":
      return entry.owner ? `Owner set to ${entry.owner.name}${by(entry.by)}` : `Owner removed${by(entry.by)}`;
    case "criterion":
      return `Ticked “${entry.text}” (${entry.stageName} ${entry.phase})${by(entry.by)}`;
    case "code": {
      const sha = entry.sha ? ` ${entry.sha.slice(0, 7)}` : "";
      const where = entry.environment ? ` to ${entry.environment}` : "";
      const what = entry.message ?? entry.repository ?? "";
      return `${entry.event[0]?.toUpperCase()}${entry.event.slice(1)}${sha}${where}${what ? `: ${what}` : ""}`;
    }
  }
}
