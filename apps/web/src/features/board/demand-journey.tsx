import type { TDemand, TDemandHistory, THistoryEntry } from "@tideway/contracts";
import { useId } from "react";
import { queryKeys } from "../../api/query-keys";
import { useResource } from "../../api/use-resource";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { formatInstant, formatSeconds } from "../../ui/format";
import { fetchDemandHistory } from "./card-record-api";

/**
 * The card's journey: its 2-1-1 figures, then every stage it entered, its
 * blocked periods, owners, criteria ticks and pipeline events, oldest first.
 * Asked again whenever the demand changes (every change bumps its version).
 */
export function DemandJourney({ demand }: { demand: TDemand }) {
  const headingId = useId();
  const t = useT();
  const history = useResource(queryKeys.demandHistory(demand.id), () => fetchDemandHistory(demand.id), {
    failureMessage: t("journey.loadFailed"),
    refreshKey: demand.version,
  });
  return (
    <section className="demand-journey" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("journey.title")}</h3>
      {history.status === "failed" && <p>{t("journey.loadFailed")}</p>}
      {history.status === "loading" && <p>{t("app.loading")}</p>}
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
  const t = useT();
  const { delivery, development, age } = cycleTimes;
  const against = (seconds: number | null, target: number) =>
    seconds === null
      ? t("journey.notFinishedAgainst", { target: formatSeconds(target) })
      : t("journey.against", {
          duration: formatSeconds(seconds),
          within: seconds <= target ? "yes" : "no",
          target: formatSeconds(target),
        });
  return (
    <dl className="journey-figures" data-testid="journey-figures">
      <div data-goal={goal(delivery.seconds, delivery.targetSeconds)}>
        <dt>{t("journey.delivery")}</dt>
        <dd>{against(delivery.seconds, delivery.targetSeconds)}</dd>
      </div>
      <div data-goal={goal(development.seconds, development.targetSeconds)}>
        <dt>{t("journey.development")}</dt>
        <dd>{against(development.seconds, development.targetSeconds)}</dd>
      </div>
      {age && (
        <div data-age={age.status}>
          <dt>{t("journey.age")}</dt>
          <dd>
            {age.sleSeconds === null
              ? t("journey.age.noSle", { age: formatSeconds(age.seconds) })
              : t(age.status === "beyond-sle" ? "journey.age.pastSle" : "journey.age.withinSle", {
                  age: formatSeconds(age.seconds),
                  sle: formatSeconds(age.sleSeconds),
                })}
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

/** Who did it, for the messages' select: a person (named), or the delivery pipeline. */
function actor(who: { name: string } | null): { who: "person" | "pipeline"; person: string } {
  return who ? { who: "person", person: who.name } : { who: "pipeline", person: "" };
}

/** An optional part of a sentence: its text, and whether it is shown (an ICU select cannot test for empty). */
function optional<K extends string>(name: K, value: string | null | undefined) {
  return { [name]: value ?? "", [`${name}Shown`]: value ? "yes" : "no" } as Record<K | `${K}Shown`, string>;
}

function describeEntry(entry: THistoryEntry): string {
  const by = actor("by" in entry ? entry.by : null);
  switch (entry.kind) {
    case "stage":
      return translate("journey.stage", {
        created: entry.fromStageName === null ? "yes" : "no",
        stage: entry.stageName,
        ...by,
        ...optional("stayed", entry.stayedSeconds === null ? null : formatSeconds(entry.stayedSeconds)),
      });
    case "lane":
      return translate("journey.lane", { lane: entry.laneName, ...by });
    case "blocked":
      return translate("journey.blocked", {
        ...optional("reason", entry.reason),
        ...by,
        ...optional("lasted", entry.blockedSeconds === null ? null : formatSeconds(entry.blockedSeconds)),
      });
    case "archived":
      return translate("journey.archived", { ...by });
    case "restored":
      return translate("journey.restored", { ...by });
    case "owner":
      return entry.owner
        ? translate("journey.ownerSet", { owner: entry.owner.name, ...by })
        : translate("journey.ownerRemoved", { ...by });
    case "criterion":
      return translate("journey.criterion", {
        text: entry.text,
        stage: entry.stageName,
        phase: entry.phase,
        ...by,
      });
    case "code":
      return translate("journey.code", {
        event: entry.event,
        ...optional("sha", entry.sha?.slice(0, 7)),
        ...optional("environment", entry.environment),
        ...optional("what", entry.message ?? entry.repository),
      });
  }
}
