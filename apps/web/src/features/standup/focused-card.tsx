import type { TDemand, TStage } from "@tideway/contracts";
import { elapsed, epochMs, isDeliveredRank, type Millis } from "@tideway/domain";
import { type ReactNode, useId, useMemo } from "react";
import { translate } from "../../i18n/intl";
import { useT } from "../../i18n/use-t";
import { formatDuration } from "../../ui/format";
import { useBoardStore } from "../board/board-store";
import { stageOrderOf } from "../board/card-service-level";
import { DEMAND_TYPE_NAMES } from "../board/demand-fields";
import { OwnerInitials } from "../board/owner-initials";
import { WaitingOn } from "../board/waiting-on";
import { type AgeStatus, cardAge, type Expectation } from "./card-age";
import { useNow } from "./use-now";

function since(iso: string, now: number): Millis {
  return elapsed(epochMs(Date.parse(iso)), epochMs(now));
}

function ageWords(status: AgeStatus, expectation: Expectation): string {
  const p50 = expectation.p50 === null ? "" : formatDuration(expectation.p50);
  const p85 = expectation.p85 === null ? "" : formatDuration(expectation.p85);
  switch (status) {
    case "within-p50":
      return p50 ? translate("standup.age.withinP50", { p50 }) : translate("standup.age.withinSle", { p85 });
    case "past-p50":
      return translate("standup.age.pastP50", { p50 });
    case "past-sle":
      return translate("standup.age.pastSle", { p85 });
    case "no-sle":
      return translate("standup.age.noSle");
    case "not-committed":
      return translate("standup.age.notCommitted");
  }
}

/** The card under discussion, large enough to read from the back of the room. */
export function FocusedCard({
  demand,
  stage,
  expectation,
  children,
}: {
  demand: TDemand;
  stage: TStage;
  expectation: Expectation;
  /** Shown under the card's facts, before its checks. */
  children?: ReactNode;
}) {
  const titleId = useId();
  const t = useT();
  const now = useNow(30_000);
  const members = useBoardStore((s) => s.members);
  const lane = useBoardStore((s) => s.lanes.find((l) => l.id === demand.laneId));
  const criteria = useBoardStore((s) => s.criteria);
  const demands = useBoardStore((s) => s.demands);
  const stages = useBoardStore((s) => s.stages);

  const owner = members.find((member) => member.userId === demand.ownerId)?.name;
  const age = cardAge(demand, stages, now, expectation);
  const unmetExitChecks = criteria.filter(
    (criterion) =>
      criterion.stageId === demand.stageId &&
      criterion.phase === "exit" &&
      !demand.checkedCriterionIds.includes(criterion.id),
  );
  const openDefects = useMemo(() => {
    const order = stageOrderOf(stages);
    const delivered = (stageId: string) => isDeliveredRank(order, order.rankOf.get(stageId) ?? -1);
    return Object.values(demands)
      .filter((d) => d.parentId === demand.id && !delivered(d.stageId))
      .sort((a, b) => a.number - b.number);
  }, [demands, stages, demand.id]);
  const stageName = (stageId: string) => stages.find((s) => s.id === stageId)?.name ?? "";

  return (
    <article
      className="standup-focus"
      data-demand-key={demand.key}
      data-blocked={demand.blocked}
      aria-labelledby={titleId}
    >
      <p className="standup-card-head">
        <span className="standup-key">{demand.key}</span>
        {demand.type !== "feature" && (
          <span className="standup-badge">{t(DEMAND_TYPE_NAMES[demand.type])}</span>
        )}
        {lane && (
          <span className="standup-badge standup-badge-quiet">{t("standup.lane", { lane: lane.name })}</span>
        )}
      </p>
      <h3 id={titleId} className="standup-card-title">
        {demand.title}
      </h3>

      {demand.blocked && (
        <p className="standup-blocked">
          {t("standup.blocked", {
            b: (chunks) => <strong>{chunks}</strong>,
            sinceShown: demand.blockedAt ? "yes" : "no",
            since: demand.blockedAt ? formatDuration(since(demand.blockedAt, now)) : "",
            reasonShown: demand.blockedReason ? "yes" : "no",
            reason: demand.blockedReason ?? "",
          })}
        </p>
      )}

      <WaitingOn demandId={demand.id} className="standup-waiting" />

      <dl className="standup-facts">
        <div>
          <dt>{t("standup.owner")}</dt>
          <dd className="standup-owner" data-testid="standup-owner">
            {owner && <OwnerInitials name={owner} decorative />}
            {owner ?? t("standup.nobody")}
          </dd>
        </div>
        <div className="standup-age" data-age={age.status}>
          <dt>{t("standup.age")}</dt>
          <dd>
            {age.age !== null && <span className="standup-age-value">{formatDuration(age.age)}</span>}{" "}
            <span className="standup-age-words">{ageWords(age.status, expectation)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("standup.inStage", { stage: stage.name })}</dt>
          <dd>{t("standup.inStageFor", { duration: formatDuration(since(demand.enteredStageAt, now)) })}</dd>
        </div>
      </dl>

      {children}
      <div className="standup-checks">
        <section aria-labelledby={`${titleId}-defects`}>
          <h4 id={`${titleId}-defects`}>{t("standup.openDefects", { count: openDefects.length })}</h4>
          {openDefects.length > 0 && (
            <ul>
              {openDefects.map((defect) => (
                <li key={defect.id}>
                  <strong>{defect.key}</strong> {defect.title}{" "}
                  <span className="standup-quiet">
                    {t("standup.defectWhere", {
                      stage: stageName(defect.stageId),
                      blocked: defect.blocked ? "yes" : "no",
                    })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby={`${titleId}-exit`}>
          <h4 id={`${titleId}-exit`}>
            {unmetExitChecks.length === 0
              ? t("standup.exitDone", { stage: stage.name })
              : t("standup.exitOpen", { stage: stage.name, count: unmetExitChecks.length })}
          </h4>
          {unmetExitChecks.length > 0 && (
            <ul>
              {unmetExitChecks.map((criterion) => (
                <li key={criterion.id}>
                  {criterion.text}
                  {!criterion.required && <span className="standup-quiet">{t("standup.optional")}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}

/** A stage with nothing in it: a stop of its own, so an empty column is noticed too. */
export function EmptyStage({ stage }: { stage: TStage }) {
  const t = useT();
  return (
    <article
      className="standup-focus standup-empty"
      data-demand-key=""
      aria-label={t("standup.emptyLabel", { stage: stage.name })}
    >
      <p className="standup-card-title">{t("standup.empty", { stage: stage.name })}</p>
      <p className="standup-quiet">{t("standup.emptyNext")}</p>
    </article>
  );
}
