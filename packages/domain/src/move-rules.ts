import { inProgressStages, isInProgressStageId, orderStages } from "./stage-order";

/**
 * The rules a move must pass (DESIGN.md "Moving a demand"): WIP limits of the
 * target stage and lane, and the criteria that guard entering and leaving a
 * stage. Pure decisions; the API's move transaction feeds them counts it read
 * under row locks, so concurrent moves cannot both pass a full stage.
 */

export interface StageRule {
  id: string;
  name: string;
  position: number;
  kind: "queue" | "active" | "done";
  wipLimit: number | null;
  wipPolicy: "hard" | "soft";
  boundary: "commitment" | "development_start" | "development_end" | "delivered" | null;
}

export interface LaneRule {
  id: string;
  name: string;
  wipLimit: number | null;
  wipPolicy: "hard" | "soft";
}

/**
 * `manual`: a person ticks it on the card. `no_open_dependencies`: nobody
 * ticks it; it is met while nothing the demand depends on is open
 * (`isOpenDependency`), and the server checks it on every move.
 */
export type CriterionKind = "manual" | "no_open_dependencies";

export interface CriterionRule {
  id: string;
  stageId: string;
  text: string;
  phase: "entry" | "exit";
  required: boolean;
  /** Absent means `manual`. */
  kind?: CriterionKind;
}

export type WipVerdict =
  | { outcome: "within" }
  | { outcome: "over-soft-limit"; message: string }
  | { outcome: "refused"; message: string; limit: number; count: number };

/**
 * Whether one more demand may enter a column or lane that already holds
 * `countBefore` (not counting the mover). Hard limits refuse, soft limits let
 * the demand in and flag the move.
 *
 * Example: Testing, hard limit 3, holding 3 -> refused "Testing is at its WIP limit of 3."
 */
export function wipVerdict(
  place: { name: string; wipLimit: number | null; wipPolicy: "hard" | "soft" },
  countBefore: number,
  what: "stage" | "lane" = "stage",
): WipVerdict {
  if (place.wipLimit === null || countBefore < place.wipLimit) return { outcome: "within" };
  const subject = what === "lane" ? `The ${place.name} lane` : place.name;
  if (place.wipPolicy === "soft") {
    return {
      outcome: "over-soft-limit",
      message: `${subject} is over its WIP limit of ${place.wipLimit} (soft limit: the move is allowed and logged).`,
    };
  }
  return {
    outcome: "refused",
    message: `${subject} is at its WIP limit of ${place.wipLimit}.`,
    limit: place.wipLimit,
    count: countBefore,
  };
}

/**
 * Which WIP limits a move is checked against: the target stage's when the
 * demand changes stage, and the target lane's when the demand starts counting
 * as that lane's work in progress (it enters in-progress stages, or changes
 * lane within them). A reorder within a cell is checked against neither.
 *
 * Example: Development/Standard -> Testing/Standard: { stage: true, lane: false }
 * (the Standard lane already counted it); Selection/Expedite -> Design/Expedite:
 * { stage: true, lane: true }.
 */
export function limitsCheckedOnMove(
  move: { from: StageRule; to: StageRule; fromLaneId: string; toLaneId: string },
  stages: readonly StageRule[],
): { stage: boolean; lane: boolean } {
  const entersLaneWork =
    isInProgressStage(move.to, stages) &&
    (move.fromLaneId !== move.toLaneId || !isInProgressStage(move.from, stages));
  return { stage: move.from.id !== move.to.id, lane: entersLaneWork };
}

/**
 * A demand is in progress between the commitment point and delivery
 * (`isInProgressRank`, the board's one reading of both boundaries); lane WIP
 * limits count only those (an Expedite lane limited to 1 means one expedited
 * demand being worked on, not one waiting in Selection or sitting in Done).
 */
export function isInProgressStage(stage: Pick<StageRule, "id">, stages: readonly StageRule[]): boolean {
  return isInProgressStageId(orderStages(stages), stage.id);
}

/** The ids of the stages whose demands count against a lane's limit on work in progress. */
export function inProgressStageIds(stages: readonly StageRule[]): string[] {
  return inProgressStages(orderStages(stages)).map((stage) => stage.id);
}

/**
 * Whether the demand meets one criterion: a manual one when it is ticked,
 * "no open dependencies" when the demand waits on nothing open.
 *
 * Example: kind no_open_dependencies, openDependencyCount 1 -> false (ticks are ignored).
 */
export function criterionMet(
  criterion: CriterionRule,
  demand: { checkedIds: ReadonlySet<string>; openDependencyCount: number },
): boolean {
  if (criterion.kind === "no_open_dependencies") return demand.openDependencyCount === 0;
  return demand.checkedIds.has(criterion.id);
}

/**
 * Required criteria of `phase` on `stageId` that the demand does not meet
 * (`criterionMet`); `openDependencyCount` is how many demands it waits on that
 * are still open.
 */
export function unmetCriteria(
  criteria: readonly CriterionRule[],
  stageId: string,
  phase: "entry" | "exit",
  checkedIds: ReadonlySet<string>,
  openDependencyCount = 0,
): CriterionRule[] {
  return criteria.filter(
    (criterion) =>
      criterion.stageId === stageId &&
      criterion.phase === phase &&
      criterion.required &&
      !criterionMet(criterion, { checkedIds, openDependencyCount }),
  );
}

/** Whether a move must know the demand's open dependencies: a required criterion it is checked against asks. */
export function needsOpenDependencyCount(criteria: readonly CriterionRule[]): boolean {
  return criteria.some((criterion) => criterion.required && criterion.kind === "no_open_dependencies");
}

/** "Design needs: user flow known, acceptance rules written." */
export function unmetCriteriaMessage(
  stageName: string,
  unmet: readonly CriterionRule[],
  phase: "entry" | "exit",
): string {
  const list = unmet.map((criterion) => lowerFirst(criterion.text)).join(", ");
  return phase === "entry" ? `${stageName} needs: ${list}.` : `Before leaving ${stageName}: ${list}.`;
}

/** Exit criteria guard moving forward only; sending work back for rework is always allowed. */
export function exitCriteriaApply(from: StageRule, to: StageRule): boolean {
  return to.position > from.position;
}

function lowerFirst(text: string): string {
  return text.length > 1 && text[1] === text[1]?.toLowerCase()
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}
