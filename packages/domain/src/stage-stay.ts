import type { FlowEvent } from "./flow-history";
import type { StageOrder } from "./stage-order";
import { type EpochMs, epochMs } from "./units";

/** An interval in which a demand sat in one stage with the same blocked and archived state. */
export interface StageStay {
  rank: number;
  start: EpochMs;
  end: EpochMs;
  blocked: boolean;
  archived: boolean;
}

/**
 * Walks a demand's history as consecutive stays, from its first event placing
 * it in a known stage up to `until` (later events are ignored). An event that
 * changes nothing just splits a stay in two.
 */
export function forEachStageStay(
  events: readonly FlowEvent[],
  order: StageOrder,
  until: EpochMs,
  visit: (stay: StageStay) => void,
): void {
  let rank = -1;
  let since = epochMs(Number.NEGATIVE_INFINITY);
  let blocked = false;
  let archived = false;
  for (const event of events) {
    if (event.at > until) break;
    if (rank !== -1 && event.at > since) visit({ rank, start: since, end: event.at, blocked, archived });
    rank = order.rankOf.get(event.toStageId) ?? rank;
    since = event.at;
    if (event.kind === "blocked") blocked = true;
    else if (event.kind === "unblocked") blocked = false;
    else if (event.kind === "archived") archived = true;
    else if (event.kind === "restored") archived = false;
  }
  if (rank !== -1 && until > since) visit({ rank, start: since, end: until, blocked, archived });
}
