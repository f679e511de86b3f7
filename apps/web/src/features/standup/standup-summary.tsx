import type { TDemand } from "@tideway/contracts";
import { elapsed, epochMs, millis, type StandupColumn } from "@tideway/domain";
import { type ReactNode, useId } from "react";
import { useT } from "../../i18n/use-t";
import { formatClock, formatDuration } from "../../ui/format";
import { useBoardStore } from "../board/board-store";
import { cardAge, type Expectation } from "./card-age";
import { useStandup } from "./standup-store";
import { useNow } from "./use-now";

/**
 * The end of the walk: what is blocked, what has aged past the service level
 * expectation, and what moved while the team talked.
 */
export function StandupSummary({ walk, expectation }: { walk: StandupColumn[]; expectation: Expectation }) {
  const headingId = useId();
  const demands = useBoardStore((s) => s.demands);
  const stages = useBoardStore((s) => s.stages);
  const moves = useStandup((s) => s.moves);
  const startedAt = useStandup((s) => s.startedAt);
  const now = useNow(30_000);
  const t = useT();
  const stageName = (stageId: string) =>
    stages.find((s) => s.id === stageId)?.name ?? t("summary.removedStage");

  const inWalkOrder = walk.flatMap((column) => column.demandIds.flatMap((id) => demands[id] ?? []));
  const blocked = inWalkOrder.filter((demand) => demand.blocked);
  const aging = inWalkOrder
    .map((demand) => ({ demand, age: cardAge(demand, stages, now, expectation) }))
    .filter(({ age }) => age.status === "past-sle");

  return (
    <section className="standup-summary" aria-labelledby={headingId}>
      <header>
        <h2 id={headingId}>{t("summary.title")}</h2>
        <p className="standup-quiet">
          {t("summary.took", { duration: formatClock(millis(Math.max(0, now - startedAt))) })}
        </p>
      </header>
      <div className="standup-summary-columns">
        <SummaryList title={t("summary.blocked")} empty={t("summary.noneBlocked")}>
          {blocked.map((demand) => (
            <SummaryItem key={demand.id} demand={demand}>
              {t("summary.blockedDetail", {
                stage: stageName(demand.stageId),
                sinceShown: demand.blockedAt ? "yes" : "no",
                since: demand.blockedAt
                  ? formatDuration(elapsed(epochMs(Date.parse(demand.blockedAt)), epochMs(now)))
                  : "",
                reasonShown: demand.blockedReason ? "yes" : "no",
                reason: demand.blockedReason ?? "",
              })}
            </SummaryItem>
          ))}
        </SummaryList>
        <SummaryList
          title={t("summary.aging")}
          empty={expectation.p85 === null ? t("summary.noSle") : t("summary.noneAging")}
          note={
            expectation.p85 === null
              ? undefined
              : t("summary.p85", { duration: formatDuration(expectation.p85) })
          }
        >
          {aging.map(({ demand, age }) => (
            <SummaryItem key={demand.id} demand={demand}>
              {t("summary.agingDetail", {
                stage: stageName(demand.stageId),
                age: age.age === null ? "" : formatDuration(age.age),
              })}
            </SummaryItem>
          ))}
        </SummaryList>
        <SummaryList title={t("summary.moved")} empty={t("summary.noneMoved")}>
          {moves.flatMap((move) => {
            const demand = demands[move.demandId];
            return demand
              ? [
                  <SummaryItem key={move.demandId} demand={demand}>
                    {move.stageIds.map(stageName).join(" → ")}
                  </SummaryItem>,
                ]
              : [];
          })}
        </SummaryList>
      </div>
    </section>
  );
}

function SummaryList({
  title,
  empty,
  note,
  children,
}: {
  title: string;
  empty: string;
  note?: string | undefined;
  children: ReactNode[];
}) {
  const headingId = useId();
  const t = useT();
  return (
    <section className="standup-summary-list" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("summary.listTitle", { title, count: children.length })}
        {note && <span className="standup-quiet"> ({note})</span>}
      </h3>
      {children.length === 0 ? <p className="standup-quiet">{empty}</p> : <ul>{children}</ul>}
    </section>
  );
}

function SummaryItem({ demand, children }: { demand: TDemand; children: ReactNode }) {
  return (
    <li data-demand-key={demand.key}>
      <strong>{demand.key}</strong> {demand.title}
      <span className="standup-summary-detail">{children}</span>
    </li>
  );
}
