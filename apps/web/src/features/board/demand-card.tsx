import type { TCriterion, TDemand } from "@tideway/contracts";
import { memo } from "react";
import { useT } from "../../i18n/use-t";
import { daysSince } from "../../ui/clock-store";
import { BusinessCardProgress } from "../portfolio/business-demand-progress";
import { useBoardStore } from "./board-store";
import { useDemandEditor } from "./demand-editor-store";
import { DEMAND_TYPE_NAMES } from "./demand-fields";
import { OwnerInitials } from "./owner-initials";
import { SleBadge } from "./sle-badge";
import { WaitingOn } from "./waiting-on";

interface DemandCardProps {
  demand: TDemand;
  /** Criteria of the stage the demand is in (entry and exit). */
  criteria: readonly TCriterion[];
  openDefects: number;
  now: number;
}

function DemandCardView({ demand, criteria, openDefects, now }: DemandCardProps) {
  const t = useT();
  // "No open dependencies" is nobody's tick: the card says "Waiting on ..." for it instead.
  const ticked = criteria.filter((criterion) => criterion.kind !== "no_open_dependencies");
  const checked = ticked.filter((criterion) => demand.checkedCriterionIds.includes(criterion.id)).length;
  const daysInStage = daysSince(demand.enteredStageAt, now);
  const daysCommitted = demand.committedAt ? daysSince(demand.committedAt, now) : null;
  return (
    <article className="demand-card" data-type={demand.type} data-blocked={demand.blocked || undefined}>
      <div className="card-line">
        <span className="card-key">{demand.key}</span>
        <span className={`card-type type-${demand.type}`}>{t(DEMAND_TYPE_NAMES[demand.type])}</span>
        {demand.size && (
          <span className="card-size" title={t("card.size")}>
            {demand.size}
          </span>
        )}
        <CardOwner ownerId={demand.ownerId} />
      </div>
      {/* Clamped to a few lines (board-layout.css): the whole title shows on hover (title) and on focus. */}
      <button
        type="button"
        className="card-title"
        title={demand.title}
        onClick={() => useDemandEditor.getState().open(demand.id)}
      >
        <span className="card-title-text">{demand.title}</span>
      </button>
      {demand.blocked && (
        <p className="blocked-badge">
          {demand.blockedReason ? (
            t("card.blockedBecause", {
              b: (chunks) => <strong>{chunks}</strong>,
              reason: demand.blockedReason,
            })
          ) : (
            <strong>{t("card.blocked")}</strong>
          )}
        </p>
      )}
      <WaitingOn demandId={demand.id} />
      <SleBadge demand={demand} now={now} />
      <BusinessCardProgress demandId={demand.id} />
      <div className="card-line card-facts">
        <span title={t("card.inStageTitle")}>{t("card.inStage", { days: daysInStage })}</span>
        {daysCommitted !== null && (
          <span title={t("card.committedTitle")}>{t("card.committed", { days: daysCommitted })}</span>
        )}
        {ticked.length > 0 && (
          <span
            className={checked === ticked.length ? "checks done" : "checks"}
            title={t("card.checksTitle", { checked, total: ticked.length })}
          >
            ✓ {checked}/{ticked.length}
          </span>
        )}
        {openDefects > 0 && (
          <span className="open-defects">{t("card.openDefects", { count: openDefects })}</span>
        )}
      </div>
    </article>
  );
}

/** The owner's initials, read from the board's members (a rename shows on the next render). */
function CardOwner({ ownerId }: { ownerId: string | null }) {
  const name = useBoardStore((s) =>
    ownerId ? s.members.find((m) => m.userId === ownerId)?.name : undefined,
  );
  if (!name) return null;
  return (
    <span className="card-owner-line">
      <OwnerInitials name={name} />
    </span>
  );
}

/**
 * A demand on the board. Its slot re-renders when its cell's list changes
 * (during a drag too); the card itself only when its demand changed (a new
 * version, or an optimistic move that has no new version yet).
 */
export const DemandCard = memo(
  DemandCardView,
  (before, after) =>
    before.demand.id === after.demand.id &&
    before.demand.version === after.demand.version &&
    before.demand.updatedAt === after.demand.updatedAt &&
    before.demand.stageId === after.demand.stageId &&
    before.demand.laneId === after.demand.laneId &&
    before.demand.checkedCriterionIds === after.demand.checkedCriterionIds &&
    before.criteria === after.criteria &&
    before.openDefects === after.openDefects &&
    before.now === after.now,
);
