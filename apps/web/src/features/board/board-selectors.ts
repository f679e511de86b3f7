import type { TCriterion, TDemand, TDependency, TStage } from "@tideway/contracts";
import { inProgressStageIds, isDeliveredRank, orderStages } from "@tideway/domain";
import { translate } from "../../i18n/intl";
import type { useBoardStore } from "./board-store";
import { cellIdOf } from "./cell-order";

type BoardState = ReturnType<typeof useBoardStore.getState>;

/** Remembers the last answer for the same inputs, so selectors return stable references. */
export function memoizeLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A) => {
    if (
      lastArgs &&
      args.length === lastArgs.length &&
      args.every((arg, index) => arg === lastArgs?.[index])
    ) {
      return lastResult;
    }
    lastArgs = args;
    lastResult = compute(...args);
    return lastResult;
  };
}

const NO_IDS: string[] = [];

export const selectCell =
  (cellId: string) =>
  (state: BoardState): string[] =>
    state.cells[cellId] ?? NO_IDS;

/** How many demands sit in a stage, across all lanes (while dragging: where the card hovers). */
export const selectStageCount =
  (stageId: string) =>
  (state: BoardState): number => {
    let count = 0;
    for (const lane of state.lanes) count += state.cells[cellIdOf(stageId, lane.id)]?.length ?? 0;
    return count;
  };

/** How many demands sit in a swim lane, in every stage (an empty lane is drawn as one thin row). */
export const selectLaneTotal =
  (laneId: string) =>
  (state: BoardState): number => {
    let count = 0;
    for (const stage of state.stages) count += state.cells[cellIdOf(stage.id, laneId)]?.length ?? 0;
    return count;
  };

/** Whether the lane holds anything outside its done stages. */
function laneHasWork(state: BoardState, laneId: string): boolean {
  return state.stages.some(
    (stage) => stage.kind !== "done" && (state.cells[cellIdOf(stage.id, laneId)]?.length ?? 0) > 0,
  );
}

/**
 * Whether the lane's done cells fold to a count (cell-window.ts): the lane
 * holds only delivered work while another lane has work to show.
 */
export const selectLaneIdle =
  (laneId: string) =>
  (state: BoardState): boolean =>
    !laneHasWork(state, laneId) &&
    state.lanes.some((lane) => lane.id !== laneId && laneHasWork(state, lane.id));

/** Lane limits count only work in progress, between commitment and delivery (see @tideway/domain). */
export const selectLaneCount =
  (laneId: string) =>
  (state: BoardState): number => {
    let count = 0;
    for (const stageId of inProgressStageIds(state.stages))
      count += state.cells[cellIdOf(stageId, laneId)]?.length ?? 0;
    return count;
  };

export type WipStatus = "unlimited" | "within" | "at-limit" | "full" | "over";

/**
 * "full": a hard limit is reached, the next card will be refused; "over": more
 * cards than the limit (a soft limit let them in). Both show red.
 */
export function wipStatus(count: number, limit: number | null, policy: "hard" | "soft"): WipStatus {
  if (limit === null) return "unlimited";
  if (count > limit) return "over";
  if (count === limit) return policy === "hard" ? "full" : "at-limit";
  return "within";
}

const criteriaByStage = memoizeLast((criteria: readonly TCriterion[]) => {
  const byStage: Record<string, TCriterion[]> = {};
  for (const criterion of criteria) {
    const list = byStage[criterion.stageId];
    if (list) list.push(criterion);
    else byStage[criterion.stageId] = [criterion];
  }
  return byStage;
});

const NO_CRITERIA: readonly TCriterion[] = [];

export const selectStageCriteria =
  (stageId: string) =>
  (state: BoardState): readonly TCriterion[] =>
    criteriaByStage(state.criteria)[stageId] ?? NO_CRITERIA;

/** Open defects per parent demand: defects not yet delivered (`isDeliveredRank`). */
const openDefectCounts = memoizeLast((demands: Record<string, TDemand>, stages: readonly TStage[]) => {
  const order = orderStages(stages);
  const delivered = (stageId: string) => isDeliveredRank(order, order.rankOf.get(stageId) ?? -1);
  const counts: Record<string, number> = {};
  for (const demand of Object.values(demands)) {
    if (demand.type === "defect" && demand.parentId && !delivered(demand.stageId)) {
      counts[demand.parentId] = (counts[demand.parentId] ?? 0) + 1;
    }
  }
  return counts;
});

export const selectOpenDefects =
  (demandId: string) =>
  (state: BoardState): number =>
    openDefectCounts(state.demands, state.stages)[demandId] ?? 0;

/** "Development, Standard": how people name a cell (and screen readers announce it). */
export function describeCell(state: BoardState, stageId: string, laneId: string): string {
  const stage = state.stages.find((s) => s.id === stageId)?.name ?? translate("cell.unknownStage");
  const lane = state.lanes.find((l) => l.id === laneId)?.name ?? translate("cell.unknownLane");
  return translate("cell.label", { stage, lane });
}

export function canEdit(state: BoardState): boolean {
  return state.role !== "viewer";
}

const NO_DEPENDENCIES: readonly TDependency[] = [];

/** What each demand waits on, grouped by the waiting demand (one pass per change of the board's list). */
const dependenciesByDemand = memoizeLast((dependencies: readonly TDependency[]) => {
  const grouped: Record<string, TDependency[]> = {};
  for (const dependency of dependencies) {
    grouped[dependency.demandId] = [...(grouped[dependency.demandId] ?? []), dependency];
  }
  return grouped;
});

const openDependenciesByDemand = memoizeLast((grouped: Record<string, TDependency[]>) => {
  const open: Record<string, TDependency[]> = {};
  for (const [demandId, list] of Object.entries(grouped)) {
    const stillOpen = list.filter((dependency) => dependency.open);
    if (stillOpen.length > 0) open[demandId] = stillOpen;
  }
  return open;
});

/** Everything a demand waits on, delivered or not, oldest first. */
export const selectDependencies =
  (demandId: string) =>
  (state: BoardState): readonly TDependency[] =>
    dependenciesByDemand(state.dependencies)[demandId] ?? NO_DEPENDENCIES;

/** What a demand still waits on: the demands it depends on that are not delivered. */
export const selectOpenDependencies =
  (demandId: string) =>
  (state: BoardState): readonly TDependency[] =>
    openDependenciesByDemand(dependenciesByDemand(state.dependencies))[demandId] ?? NO_DEPENDENCIES;
