import type { DemandFlow } from "./flow-history";

/** Narrows a metric to one swim lane and/or one demand type; omitted fields match everything. */
export interface DemandFilter {
  laneId?: string | undefined;
  type?: string | undefined;
}

export function matchesDemandFilter(demand: DemandFlow, filter: DemandFilter | undefined): boolean {
  if (filter === undefined) return true;
  return (
    (filter.laneId === undefined || demand.laneId === filter.laneId) &&
    (filter.type === undefined || demand.type === filter.type)
  );
}
