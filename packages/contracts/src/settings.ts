import { z } from "zod";
import { ZEmail } from "./auth";
import {
  ZBoardRole,
  ZCriterion,
  ZCriterionKind,
  ZCriterionPhase,
  ZFlowBoundary,
  ZId,
  ZLane,
  ZStage,
  ZStageKind,
  ZWipPolicy,
} from "./board";

/** Trimmed, non-empty text without control characters (PostgreSQL refuses NUL in text). */
const ZSettingText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max)
    .refine((text) => ![...text].some((char) => char.charCodeAt(0) < 0x20), {
      message: "must not contain control characters",
    });

const ZWipLimit = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .nullable()
  .describe("Most demands allowed at once; null: no limit");

const ZPosition = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .describe("0-based place in the order; past the end means last. Positions stay 0..n-1.");

const ZSeq = z.number().int().describe("The board's sequence number after this change");

const atLeastOneField = [
  (body: object) => Object.values(body).some((value) => value !== undefined),
  { message: "name at least one field to change" },
] as const;

// Stages

const stageFields = {
  name: ZSettingText(60),
  kind: ZStageKind.describe("queue = waiting, active = work happening, done"),
  wipLimit: ZWipLimit,
  wipPolicy: ZWipPolicy.describe("hard: a full stage refuses entries; soft: allows them and logs it"),
  boundary: ZFlowBoundary.nullable().describe(
    "The 2-1-1 boundary entering this stage marks; unique per board (setting it here clears it elsewhere)",
  ),
  position: ZPosition,
};

export const ZStageParams = z.object({ boardId: ZId, stageId: ZId });

export const ZCreateStageBody = z.object({
  ...stageFields,
  kind: stageFields.kind.default("active"),
  wipLimit: ZWipLimit.default(null),
  wipPolicy: stageFields.wipPolicy.default("hard"),
  boundary: stageFields.boundary.default(null),
  position: ZPosition.optional().describe("Default: last"),
});
export type TCreateStageBody = z.infer<typeof ZCreateStageBody>;

export const ZUpdateStageBody = z
  .object(stageFields)
  .partial()
  .refine(...atLeastOneField);
export type TUpdateStageBody = z.infer<typeof ZUpdateStageBody>;

export const ZStageList = z.object({
  stages: z.array(ZStage).describe("The board's stages in column order"),
});
export const ZStageChange = ZStageList.extend({ stage: ZStage, seq: ZSeq });
export type TStageChange = z.infer<typeof ZStageChange>;
export const ZStageRemoval = ZStageList.extend({ seq: ZSeq });
export type TStageRemoval = z.infer<typeof ZStageRemoval>;

// Swim lanes

const laneFields = {
  name: ZSettingText(60),
  wipLimit: ZWipLimit.describe("Most demands in progress in this lane at once; null: no limit"),
  wipPolicy: ZWipPolicy,
  position: ZPosition,
};

export const ZLaneParams = z.object({ boardId: ZId, laneId: ZId });

export const ZCreateLaneBody = z.object({
  ...laneFields,
  wipLimit: laneFields.wipLimit.default(null),
  wipPolicy: ZWipPolicy.default("hard"),
  position: ZPosition.optional().describe("Default: last"),
});
export type TCreateLaneBody = z.infer<typeof ZCreateLaneBody>;

export const ZUpdateLaneBody = z
  .object(laneFields)
  .partial()
  .refine(...atLeastOneField);
export type TUpdateLaneBody = z.infer<typeof ZUpdateLaneBody>;

export const ZLaneList = z.object({ lanes: z.array(ZLane).describe("The board's swim lanes in row order") });
export const ZLaneChange = ZLaneList.extend({ lane: ZLane, seq: ZSeq });
export type TLaneChange = z.infer<typeof ZLaneChange>;
export const ZLaneRemoval = ZLaneList.extend({ seq: ZSeq });
export type TLaneRemoval = z.infer<typeof ZLaneRemoval>;

// Entry and exit criteria

const criterionFields = {
  text: ZSettingText(300),
  phase: ZCriterionPhase.describe("entry: met before entering the stage; exit: before leaving it forward"),
  kind: ZCriterionKind.describe(
    "manual: ticked on the card; no_open_dependencies: the server checks the demand waits on nothing open",
  ),
  required: z.boolean(),
  position: ZPosition.describe("0-based place among the stage's criteria; past the end means last"),
};

export const ZCriterionParams = z.object({ boardId: ZId, criterionId: ZId });

export const ZCreateCriterionBody = z.object({
  stageId: ZId,
  ...criterionFields,
  phase: criterionFields.phase.default("entry"),
  kind: criterionFields.kind.default("manual"),
  required: z.boolean().default(true),
  position: criterionFields.position.optional().describe("Default: last in its stage"),
});
export type TCreateCriterionBody = z.infer<typeof ZCreateCriterionBody>;

export const ZUpdateCriterionBody = z
  .object(criterionFields)
  .partial()
  .refine(...atLeastOneField);
export type TUpdateCriterionBody = z.infer<typeof ZUpdateCriterionBody>;

export const ZCriterionList = z.object({
  criteria: z.array(ZCriterion).describe("The board's criteria, by stage order, then position"),
});
export const ZCriterionChange = ZCriterionList.extend({ criterion: ZCriterion, seq: ZSeq });
export type TCriterionChange = z.infer<typeof ZCriterionChange>;
export const ZCriterionRemoval = ZCriterionList.extend({ seq: ZSeq });
export type TCriterionRemoval = z.infer<typeof ZCriterionRemoval>;

// Members

export const ZMemberParams = z.object({ boardId: ZId, userId: ZId });

export const ZAddMemberBody = z.object({
  email: ZEmail.describe("The email the person signed up with"),
  role: ZBoardRole.default("member"),
});
export type TAddMemberBody = z.infer<typeof ZAddMemberBody>;

export const ZChangeMemberRoleBody = z.object({ role: ZBoardRole });
export type TChangeMemberRoleBody = z.infer<typeof ZChangeMemberRoleBody>;

export const ZBoardMember = z.object({
  userId: ZId,
  name: z.string(),
  email: z.string(),
  role: ZBoardRole,
  addedAt: z.iso.datetime(),
});
export type TBoardMember = z.infer<typeof ZBoardMember>;

export const ZMemberList = z.object({ members: z.array(ZBoardMember).describe("By name") });
export const ZMemberChange = ZMemberList.extend({ member: ZBoardMember, seq: ZSeq });
export type TMemberChange = z.infer<typeof ZMemberChange>;
export const ZMemberRemoval = ZMemberList.extend({ seq: ZSeq });
export type TMemberRemoval = z.infer<typeof ZMemberRemoval>;

// Audit trail

export const ZAuditEntity = z.enum([
  "stage",
  "lane",
  "criterion",
  "member",
  "webhook_secret",
  "pipeline_settings",
  "alert_webhook",
  "forecast_settings",
  "demand",
  "portfolio",
]);
export type TAuditEntity = z.infer<typeof ZAuditEntity>;

export const ZAuditAction = z.enum([
  "stage.created",
  "stage.updated",
  "stage.deleted",
  "lane.created",
  "lane.updated",
  "lane.deleted",
  "criterion.created",
  "criterion.updated",
  "criterion.deleted",
  "member.added",
  "member.role_changed",
  "member.removed",
  "member.left",
  "webhook_secret.created",
  "webhook_secret.revoked",
  "pipeline_settings.updated",
  "alert_webhook.updated",
  "forecast_settings.updated",
  "demand.acceptance_overridden",
  "portfolio.board_added",
  "portfolio.board_removed",
]);
export type TAuditAction = z.infer<typeof ZAuditAction>;

const ZAuditSnapshot = z
  .record(z.string(), z.unknown())
  .nullable()
  .describe("The changed row as JSON; null before a creation and after a removal");

export const ZAuditEvent = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: z.object({ id: ZId, name: z.string() }).nullable().describe("null: the account was deleted"),
  // Plain strings: the trail must stay readable when later versions add actions.
  action: z.string().describe(`What happened, e.g. ${ZAuditAction.options.join(", ")}`),
  entity: z.string().describe(`What kind of thing changed, e.g. ${ZAuditEntity.options.join(", ")}`),
  entityId: z.string().nullable(),
  before: ZAuditSnapshot,
  after: ZAuditSnapshot,
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

/** The most audit events one page may hold. */
export const MAX_AUDIT_PAGE = 200;

export const ZAuditQuery = z.object({
  before: z.coerce.number().int().min(1).optional().describe("Only events with a smaller id (the next page)"),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditPage = z.object({
  events: z.array(ZAuditEvent).describe("Newest first"),
  next: z.string().nullable().describe("Pass as `before` for the next page; null at the end"),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
