import type { EpochMs } from "./units";

/**
 * What the flow metrics read: the board's stages and each demand's history,
 * built by the API from the Stage, Demand, Transition and CodeEvent rows.
 * Every metric is derived from these values alone (DESIGN "Metrics").
 */

export type StageKind = "queue" | "active" | "done";

/**
 * The 2-1-1 boundary a stage marks. Entering that stage, or any stage after
 * it in position (a demand can skip stages), is passing the boundary.
 */
export type FlowBoundary = "commitment" | "development_start" | "development_end" | "delivered";

export interface FlowStage {
  id: string;
  position: number;
  kind: StageKind;
  boundary: FlowBoundary | null;
}

/** `owner_changed` moves nothing: flow metrics read it as a no-op. */
export type FlowEventKind =
  | "created"
  | "moved"
  | "blocked"
  | "unblocked"
  | "archived"
  | "restored"
  | "owner_changed";

/**
 * One Transition row. `toStageId` is where the demand is after the event
 * (for blocked, unblocked, archived and restored: the stage it sits in);
 * `created` means the demand appeared in `toStageId`.
 */
export interface FlowEvent {
  at: EpochMs;
  kind: FlowEventKind;
  toStageId: string;
  fromStageId: string | null;
}

export interface DemandFlow {
  id: string;
  type: string;
  laneId: string;
  /** Sorted by `at`, oldest first. */
  events: readonly FlowEvent[];
  /** What the delivery pipeline reported for the demand; absent or null when it has no code events. */
  code?: CodeSignal | null | undefined;
}

/**
 * What the delivery pipeline reported for a demand (CodeEvents naming its
 * key): its last commit or merge, and the release that shipped it. Carried
 * on the demand itself, so release lead times need no lookup per demand:
 * on 100,000 demands, a Map keyed by demand id doubled the time of the
 * 2-1-1 tiles.
 */
export interface CodeSignal {
  lastSubmissionAt: EpochMs | null;
  releasedAt: EpochMs | null;
}
