import type { FlowEvent } from "./flow-history";
import { isDeliveredRank, type StageOrder } from "./stage-order";
import type { EpochMs } from "./units";

/**
 * When a demand passed each 2-1-1 boundary, read from its history, and
 * where the history left it.
 *
 * Passing a boundary means moving from a stage before the boundary stage to
 * that stage or any later one (so skipping the boundary stage still counts).
 * Start boundaries take the first passage, end boundaries the last
 * (DESIGN "Metrics"): a demand sent back from Done for rework and delivered
 * again is delivered at the second entry, and its cycle still starts at its
 * first commitment. An end boundary counts only while the demand is still
 * past it: a demand sent back and never re-finished has no end time, so it
 * is not "completed" and has no cycle time.
 */
export interface BoundaryTimes {
  /** First entry into the commitment stage or beyond. */
  committedAt: EpochMs | null;
  /** First entry into the development-start stage or beyond. */
  developmentStartedAt: EpochMs | null;
  /** Last entry into the development-end (Release) stage or beyond, if still there. */
  developmentEndedAt: EpochMs | null;
  /** Last entry into the delivered (Done) stage or beyond, if still there. */
  deliveredAt: EpochMs | null;
  /** Rank of the stage the demand is in (see `StageOrder`); -1 when no event placed it. */
  rank: number;
  archived: boolean;
  blocked: boolean;
}

/**
 * Replays a demand's events (sorted by time) up to and including `asOf`.
 * Events naming an unknown stage leave the position unchanged. A `created`
 * event normally has no from stage; one that names a stage marks a demand
 * that arrived mid-flow, already past the boundaries before it.
 *
 * Example, stages Selection(0) Design(1, commitment) Development(2) Done(3,
 * delivered): created in Selection on day 0, Design day 1, Development day 3,
 * Done day 5, back to Development day 6, Done day 9 gives committedAt day 1,
 * deliveredAt day 9, so a delivery cycle time of 8 days.
 */
export function boundaryTimes(
  events: readonly FlowEvent[],
  order: StageOrder,
  asOf?: EpochMs,
): BoundaryTimes {
  const until = asOf ?? Number.POSITIVE_INFINITY;
  const { commitment, developmentStart, developmentEnd, delivered } = order;
  let committedAt: EpochMs | null = null;
  let developmentStartedAt: EpochMs | null = null;
  let developmentEndedAt: EpochMs | null = null;
  let deliveredAt: EpochMs | null = null;
  let rank = -1;
  let archived = false;
  let blocked = false;

  for (const event of events) {
    if (event.at > until) break;
    switch (event.kind) {
      case "blocked":
        blocked = true;
        break;
      case "unblocked":
        blocked = false;
        break;
      case "archived":
        archived = true;
        break;
      case "restored":
        archived = false;
        break;
      case "created":
        // Created with a from stage: the demand arrived already in that stage
        // (a CSV import of work in flight). Its earlier passages happened
        // elsewhere and are unknown, so it passes no boundary here and gets
        // no cycle time for them (docs/decisions/006-csv-import-history.md).
        if (event.fromStageId !== null) rank = order.rankOf.get(event.fromStageId) ?? rank;
        break;
      case "moved":
      case "owner_changed":
        break;
    }
    const to = order.rankOf.get(event.toStageId);
    if (to === undefined || to === rank) continue;
    if (committedAt === null && passes(rank, to, commitment)) committedAt = event.at;
    if (developmentStartedAt === null && passes(rank, to, developmentStart)) developmentStartedAt = event.at;
    if (passes(rank, to, developmentEnd)) developmentEndedAt = event.at;
    if (passes(rank, to, delivered)) deliveredAt = event.at;
    rank = to;
  }

  return {
    committedAt,
    developmentStartedAt,
    developmentEndedAt: stillPast(rank, developmentEnd) ? developmentEndedAt : null,
    deliveredAt: isDeliveredRank(order, rank) ? deliveredAt : null,
    rank,
    archived,
    blocked,
  };
}

function passes(from: number, to: number, boundary: number | null): boolean {
  return boundary !== null && from < boundary && to >= boundary;
}

function stillPast(rank: number, boundary: number | null): boolean {
  return boundary !== null && rank >= boundary;
}
