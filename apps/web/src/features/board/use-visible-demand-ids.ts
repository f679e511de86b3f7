import type { TDemand, TServiceLevel, TStage } from "@tideway/contracts";
import { useDeferredValue, useMemo } from "react";
import { useAddressBar } from "../../routing";
import { useClock } from "../../ui/clock-store";
import { type BoardFilter, boardFilterFromParams, isFiltering, matchesBoardFilter } from "./board-filter";
import { memoizeLast } from "./board-selectors";
import { useBoardStore } from "./board-store";
import { cardServiceLevel } from "./card-service-level";
import { useServiceLevel } from "./use-service-level";

/** The board filter in the page's URL (see board-filter.ts). */
export function useBoardFilter(): BoardFilter {
  // Deferred: typing in the board's search changes the address at every key, and the board
  // re-filters behind the typing rather than holding each key up (the box shows it at once).
  const search = useDeferredValue(useAddressBar().search);
  return useMemo(() => boardFilterFromParams(new URLSearchParams(search)), [search]);
}

const NO_DEMANDS: Record<string, TDemand> = {};

// Every cell asks with the same values, so the board's matches are worked out once per change.
const matchingIds = memoizeLast(
  (
    filterKey: string,
    demands: Record<string, TDemand>,
    stages: readonly TStage[],
    level: TServiceLevel | null,
    now: number,
  ): ReadonlySet<string> => {
    const filter = JSON.parse(filterKey) as BoardFilter;
    const pastSle = (demand: TDemand) => cardServiceLevel(demand, stages, level, now)?.crossed === "p85";
    const ids = new Set<string>();
    for (const demand of Object.values(demands)) {
      if (matchesBoardFilter(demand, filter, pastSle)) ids.add(demand.id);
    }
    return ids;
  },
);

/**
 * The ids of the demands the board's filter lets through, or null when no
 * filter is on (then nothing re-renders for it as demands change).
 */
export function useVisibleDemandIds(): ReadonlySet<string> | null {
  const filter = useBoardFilter();
  const filtering = isFiltering(filter);
  const demands = useBoardStore((s) => (filtering ? s.demands : NO_DEMANDS));
  const stages = useBoardStore((s) => s.stages);
  const boardId = useBoardStore((s) => s.boardId);
  const level = useServiceLevel(filter.pastSle ? boardId : null);
  // The clock matters only to "past SLE"; otherwise a tick changes nothing.
  const now = useClock((s) => (filter.pastSle ? s.now : 0));
  if (!filtering) return null;
  return matchingIds(JSON.stringify(filter), demands, stages, level, now);
}
