import { type AgingStatus, agingWork, type ServiceLevelExpectation } from "./aging-work";
import { boundaryTimes } from "./boundary-times";
import { deliverySpan, developmentSpan, type FlowSpan } from "./cycle-times";
import type { DemandFlow, FlowEventKind, FlowStage } from "./flow-history";
import { orderStages } from "./stage-order";
import type { EpochMs, Millis } from "./units";
import { durationBetween, type TimeBasis } from "./utc-calendar";

/** One row of a demand's transition log as the journey reads it. */
export interface JourneyLogRow {
  at: EpochMs;
  kind: FlowEventKind;
  fromStageId: string | null;
  toStageId: string;
  fromLaneId: string | null;
  toLaneId: string;
  actorId: string | null;
  note: string | null;
}

/**
 * A step of the card's journey:
 * - `stage`: the demand entered a stage (created there or moved there), and
 *   stayed until `leftAt` (null: it is still there, `stayed` null too);
 * - `lane`: moved to another swim lane within its stage;
 * - `blocked`: a blocked period, from blocking to unblocking (null: still blocked);
 * - `archived` / `restored`;
 * - `owner`: the owner became `ownerId` (null: nobody).
 */
export type JourneyStep =
  | {
      kind: "stage";
      at: EpochMs;
      actorId: string | null;
      stageId: string;
      fromStageId: string | null;
      leftAt: EpochMs | null;
      stayed: Millis | null;
    }
  | { kind: "lane"; at: EpochMs; actorId: string | null; laneId: string }
  | {
      kind: "blocked";
      at: EpochMs;
      actorId: string | null;
      reason: string | null;
      unblockedAt: EpochMs | null;
      unblockedById: string | null;
      lasted: Millis | null;
    }
  | { kind: "archived" | "restored"; at: EpochMs; actorId: string | null }
  | { kind: "owner"; at: EpochMs; actorId: string | null; ownerId: string | null };

/**
 * Reads a demand's transition log (sorted oldest first) as the steps of its
 * journey, pairing each stage entry with the next stage change and each
 * blocking with the next unblocking, durations on the board's time basis.
 * Lane changes and owner changes are steps of their own; a re-block (a new
 * reason while blocked) is not logged and so not shown.
 *
 * Example: created in Selection day 0 by Ann, moved to Design day 2, blocked
 * day 3 ("waiting for legal"), unblocked day 4: steps Selection (stayed 2 days),
 * Design (still there), blocked (lasted 1 day).
 */
export function demandJourney(log: readonly JourneyLogRow[], basis: TimeBasis): JourneyStep[] {
  const steps: JourneyStep[] = [];
  let openStage: Extract<JourneyStep, { kind: "stage" }> | null = null;
  let openBlock: Extract<JourneyStep, { kind: "blocked" }> | null = null;
  for (const row of log) {
    switch (row.kind) {
      case "created":
      case "moved": {
        if (row.kind === "moved" && row.fromStageId === row.toStageId) {
          if (row.fromLaneId !== row.toLaneId) {
            steps.push({ kind: "lane", at: row.at, actorId: row.actorId, laneId: row.toLaneId });
          }
          break;
        }
        if (openStage) {
          openStage.leftAt = row.at;
          openStage.stayed = durationBetween(openStage.at, row.at, basis);
        }
        openStage = {
          kind: "stage",
          at: row.at,
          actorId: row.actorId,
          stageId: row.toStageId,
          fromStageId: row.kind === "moved" ? row.fromStageId : null,
          leftAt: null,
          stayed: null,
        };
        steps.push(openStage);
        break;
      }
      case "blocked":
        openBlock = {
          kind: "blocked",
          at: row.at,
          actorId: row.actorId,
          reason: row.note,
          unblockedAt: null,
          unblockedById: null,
          lasted: null,
        };
        steps.push(openBlock);
        break;
      case "unblocked":
        if (openBlock) {
          openBlock.unblockedAt = row.at;
          openBlock.unblockedById = row.actorId;
          openBlock.lasted = durationBetween(openBlock.at, row.at, basis);
          openBlock = null;
        }
        break;
      case "archived":
      case "restored":
        steps.push({ kind: row.kind, at: row.at, actorId: row.actorId });
        break;
      case "owner_changed":
        steps.push({ kind: "owner", at: row.at, actorId: row.actorId, ownerId: row.note });
        break;
    }
  }
  return steps;
}

/** One demand's 2-1-1 figures as its card states them. */
export interface DemandCycleSummary {
  /** Commitment point to delivery; null until delivered. */
  delivery: Millis | null;
  /** Development start to development end; null until development ended. */
  development: Millis | null;
  /** Work item age against the board's SLE while the demand is in progress; null otherwise. */
  age: { age: Millis; status: AgingStatus } | null;
}

/**
 * A demand's delivery and development cycle times and, while it is in
 * progress, its age and aging status: the same functions the dashboard uses
 * (`boundaryTimes`, `deliverySpan`, `developmentSpan`, `agingWork`), applied to
 * one demand, so its card and the board's figures never disagree.
 */
export function demandCycleSummary(
  demand: DemandFlow,
  stages: readonly FlowStage[],
  now: EpochMs,
  expectation: ServiceLevelExpectation,
  timeBasis: TimeBasis,
): DemandCycleSummary {
  const times = boundaryTimes(demand.events, orderStages(stages));
  const measure = (span: FlowSpan | null) =>
    span === null ? null : durationBetween(span.startedAt, span.finishedAt, timeBasis);
  const aging = agingWork([demand], stages, now, expectation, { timeBasis })[0];
  return {
    delivery: measure(deliverySpan(times)),
    development: measure(developmentSpan(times)),
    age: aging ? { age: aging.age, status: aging.status } : null,
  };
}
