import { z } from "zod";
import { ZCriterionPhase, ZId } from "./board";
import { ZCodeEventKind } from "./pipeline";
import { ZTimeBasis } from "./time-basis";

/**
 * A demand's journey (GET /api/demands/:id/history): its transition log,
 * criteria ticks and pipeline events as ordered entries, with its own 2-1-1
 * figures. Durations in seconds, instants as ISO strings.
 */

/** A board member, by name; null when the pipeline acted or the person has left the instance. */
export const ZPerson = z.object({ id: ZId, name: z.string() }).nullable();

const at = z.iso.datetime();
const seconds = z.number().nonnegative();

export const ZHistoryEntry = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("stage"),
    at,
    by: ZPerson,
    stageId: ZId,
    stageName: z.string(),
    fromStageName: z.string().nullable().describe("Null for the stage the demand was created in"),
    leftAt: at.nullable().describe("Null while the demand is still in the stage"),
    stayedSeconds: seconds.nullable().describe("On the board's time basis; null while still there"),
  }),
  z.object({ kind: z.literal("lane"), at, by: ZPerson, laneName: z.string() }),
  z.object({
    kind: z.literal("blocked"),
    at,
    by: ZPerson,
    reason: z.string().nullable(),
    unblockedAt: at.nullable(),
    unblockedBy: ZPerson,
    blockedSeconds: seconds.nullable().describe("Null while still blocked"),
  }),
  z.object({ kind: z.literal("archived"), at, by: ZPerson }),
  z.object({ kind: z.literal("restored"), at, by: ZPerson }),
  z.object({ kind: z.literal("owner"), at, by: ZPerson, owner: ZPerson.describe("Null: nobody") }),
  z.object({
    kind: z.literal("criterion"),
    at,
    by: ZPerson,
    criterionId: ZId,
    text: z.string(),
    stageName: z.string(),
    phase: ZCriterionPhase,
  }),
  z.object({
    kind: z.literal("code"),
    at,
    event: ZCodeEventKind,
    sha: z.string().nullable(),
    message: z.string().nullable(),
    repository: z.string().nullable(),
    environment: z.string().nullable(),
  }),
]);
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

const ZTargeted = z.object({
  seconds: seconds.nullable().describe("Null until the demand has passed both boundaries"),
  targetSeconds: seconds,
});

export const ZDemandHistory = z.object({
  demandId: ZId,
  key: z.string(),
  entries: z.array(ZHistoryEntry).describe("Oldest first; entries at the same instant in log order"),
  cycleTimes: z.object({
    timeBasis: ZTimeBasis,
    delivery: ZTargeted.describe("Commitment point to delivery, against the 14-day target"),
    development: ZTargeted.describe("Development start to end, against the 7-day target"),
    age: z
      .object({
        seconds,
        status: z.enum(["within-p50", "within-sle", "beyond-sle", "no-sle"]),
        p50Seconds: seconds.nullable(),
        sleSeconds: seconds.nullable().describe("The board's SLE: p85 of delivery cycle times"),
      })
      .nullable()
      .describe("Work item age from the commitment point while in progress; null otherwise"),
  }),
});
export type TDemandHistory = z.infer<typeof ZDemandHistory>;
