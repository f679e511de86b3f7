import type { RawStatements } from "../../db/transaction-connection";
import { inChunks } from "../in-chunks";
import type { LockedDemandRow } from "./change-demand";

/** One entry of the append-only transition log (DESIGN.md "Transitions"). */
export interface TransitionRow {
  demandId: string;
  kind: "created" | "moved" | InPlaceEventKind;
  fromStageId: string | null;
  toStageId: string;
  fromLaneId: string | null;
  toLaneId: string;
  /** A Date, or ISO text as an import carries it (milliseconds kept). */
  at: Date | string;
  actorId: string | null;
  overWip?: boolean;
  note?: string | null;
}

/** Rows per statement: a large import's history goes in a few statements, each a bounded JSON text. */
const ROWS_PER_STATEMENT = 20_000;

/**
 * The one way into the transition log: every creation, in-place event,
 * import and demo seed appends through here, and moves through the move
 * statement; both reach the SQL function `tideway_log_transitions`
 * (prisma/migrations/20261207400000_move_function), the log's one writer.
 * Rows are appended in the given order, so the new ids keep the log's order.
 */
export async function logTransitions(
  tx: RawStatements,
  boardId: string,
  rows: readonly TransitionRow[],
): Promise<void> {
  for (const chunk of inChunks(rows, ROWS_PER_STATEMENT)) {
    await tx.$queryRaw`SELECT count(*) FROM tideway_log_transitions(${boardId}::uuid, ${JSON.stringify(chunk)}::jsonb)`;
  }
}

/** The events that leave a demand in its stage and lane but still belong to its journey. */
export type InPlaceEventKind = "blocked" | "unblocked" | "archived" | "restored" | "owner_changed";

/**
 * Appends one in-place event (blocking, archiving, a change of owner) with
 * the demand's stage and lane as both ends. The row's `note` is the blocked
 * reason, or the new owner's user id (null: nobody).
 */
export async function logDemandEvent(
  tx: RawStatements,
  demand: Pick<LockedDemandRow, "id" | "boardId" | "stageId" | "laneId">,
  event: {
    kind: InPlaceEventKind;
    actorId: string;
    at: Date;
    note?: string | null;
    /** A restore that entered a full soft-limited stage or lane. */
    overWip?: boolean;
  },
): Promise<void> {
  await logTransitions(tx, demand.boardId, [
    {
      demandId: demand.id,
      kind: event.kind,
      fromStageId: demand.stageId,
      toStageId: demand.stageId,
      fromLaneId: demand.laneId,
      toLaneId: demand.laneId,
      at: event.at,
      actorId: event.actorId,
      note: event.note ?? null,
      overWip: event.overWip ?? false,
    },
  ]);
}
