import type { TDemand, TStage } from "@tideway/contracts";
import { useId } from "react";
import { useT } from "../../i18n/use-t";

/** The stage's cards in the order they are discussed, so the room sees what comes next. */
export function StageLineup({
  stage,
  lineup,
  cardIndex,
}: {
  stage: TStage;
  lineup: readonly TDemand[];
  cardIndex: number;
}) {
  const headingId = useId();
  const t = useT();
  return (
    <section className="standup-lineup" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("standup.lineup", { stage: stage.name, count: lineup.length })}</h3>
      <ol>
        {lineup.map((demand, index) => (
          <li
            key={demand.id}
            data-demand-key={demand.key}
            aria-current={index === cardIndex ? "true" : undefined}
          >
            <span className="standup-lineup-key">{demand.key}</span>
            <span className="standup-lineup-title">{demand.title}</span>
            {(demand.blocked || demand.type === "defect") && (
              <span className="standup-lineup-flags">
                {demand.blocked && <span className="standup-flag-blocked">{t("standup.flagBlocked")}</span>}
                {demand.type === "defect" && (
                  <span className="standup-flag-defect">{t("standup.flagDefect")}</span>
                )}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
