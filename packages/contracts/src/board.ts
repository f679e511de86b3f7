import { z } from "zod";
import { ZStorableText } from "./storable-text";

export const ZBoardRole = z.enum(["viewer", "member", "admin"]);
export type TBoardRole = z.infer<typeof ZBoardRole>;
export const ZStageKind = z.enum(["queue", "active", "done"]);
export const ZWipPolicy = z.enum(["hard", "soft"]);
export type TWipPolicy = z.infer<typeof ZWipPolicy>;
export const ZFlowBoundary = z.enum(["commitment", "development_start", "development_end", "delivered"]);
export const ZCriterionPhase = z.enum(["entry", "exit"]);
/** manual: ticked by a person; no_open_dependencies: checked by the server, met while the demand waits on nothing open. */
export const ZCriterionKind = z.enum(["manual", "no_open_dependencies"]);
export type TCriterionKind = z.infer<typeof ZCriterionKind>;
export const ZDemandType = z.enum(["feature", "defect", "chore", "spike"]);
export type TDemandType = z.infer<typeof ZDemandType>;

export const ZId = z.uuid({ message: "must be an id (UUID)" });
export const ZBoardIdParams = z.object({ boardId: ZId });

export const ZBoardKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, "must be 2-10 letters or digits, starting with a letter (e.g. PAY)");

export const ZCreateBoardBody = z.object({
  name: z.string().trim().min(1).max(100),
  key: ZBoardKey,
  template: z.enum(["2-1-1", "empty"]).default("2-1-1"),
});
export type TCreateBoardBody = z.infer<typeof ZCreateBoardBody>;

export const ZBoardSummary = z.object({
  id: ZId,
  key: z.string(),
  name: z.string(),
  role: ZBoardRole,
});
export type TBoardSummary = z.infer<typeof ZBoardSummary>;

export const ZCriterion = z.object({
  id: ZId,
  stageId: ZId,
  text: z.string(),
  phase: ZCriterionPhase,
  kind: ZCriterionKind,
  required: z.boolean(),
  position: z.number().int(),
});
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZStage = z.object({
  id: ZId,
  name: z.string(),
  position: z.number().int(),
  kind: ZStageKind,
  wipLimit: z.number().int().nullable(),
  wipPolicy: ZWipPolicy,
  boundary: ZFlowBoundary.nullable(),
});
export type TStage = z.infer<typeof ZStage>;

export const ZLane = z.object({
  id: ZId,
  name: z.string(),
  position: z.number().int(),
  wipLimit: z.number().int().nullable(),
  wipPolicy: ZWipPolicy,
});
export type TLane = z.infer<typeof ZLane>;

/** A document, design or pull request; only http(s) URLs, so a link can never run script. */
export const ZDemandLink = z.object({
  title: ZStorableText().trim().max(200),
  url: z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" }).max(2000),
});
export type TDemandLink = z.infer<typeof ZDemandLink>;

export const ZDemand = z.object({
  id: ZId,
  key: z.string().describe("Human key, e.g. PAY-42"),
  number: z.number().int(),
  title: z.string(),
  description: z.string(),
  type: ZDemandType,
  size: z.string().nullable(),
  parentId: ZId.nullable(),
  ownerId: ZId.nullable(),
  stageId: ZId,
  laneId: ZId,
  rank: z.string(),
  blocked: z.boolean(),
  blockedReason: z.string().nullable(),
  blockedAt: z.iso.datetime().nullable(),
  links: z.array(ZDemandLink),
  version: z.number().int(),
  /** Set when the demand was archived: it leaves the board (events still carry it once). */
  archivedAt: z.iso.datetime().nullable(),
  checkedCriterionIds: z.array(ZId),
  /** When the demand entered its current stage. */
  enteredStageAt: z.iso.datetime(),
  /** When it passed the commitment point (null: not yet committed). */
  committedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TDemand = z.infer<typeof ZDemand>;

/**
 * "PAY-3 waits on OPS-12", as one viewer may see it: the key, title and board
 * of the demand depended on only when the viewer is on its board; otherwise
 * it is "a demand on another board" and only whether it is still open shows.
 */
export const ZDependency = z.object({
  demandId: ZId.describe("The demand that waits"),
  dependsOnId: ZId.describe("The demand it waits on"),
  open: z.boolean().describe("The demand waited on is neither delivered nor archived"),
  visible: z.boolean().describe("The viewer is on the board of the demand waited on"),
  key: z.string().nullable().describe("e.g. PAY-12; null when not visible"),
  title: z.string().nullable().describe("Null when not visible"),
  boardId: ZId.nullable().describe("Null when not visible"),
});
export type TDependency = z.infer<typeof ZDependency>;

export const ZBoard = z.object({
  id: ZId,
  key: z.string(),
  name: z.string(),
  role: ZBoardRole,
  seq: z.number().int().describe("Sequence number of the last change; events carry the next ones"),
  stages: z.array(ZStage),
  lanes: z.array(ZLane),
  criteria: z.array(ZCriterion),
  demands: z.array(ZDemand).describe("Demands on the board, not archived"),
  dependencies: z.array(ZDependency).describe("What the board's demands wait on, oldest first"),
  members: z.array(z.object({ userId: ZId, name: z.string(), role: ZBoardRole })),
});
export type TBoard = z.infer<typeof ZBoard>;
