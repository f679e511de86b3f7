import { z } from "zod";
import { ZDemand, ZDemandLink, ZDemandType, ZId } from "./board";

export const ZDemandIdParams = z.object({ id: ZId });

const ZSize = z
  .string()
  .trim()
  .regex(/^(XS|S|M|L|XL|\d{1,3})$/, "must be XS, S, M, L, XL or a number of points")
  .nullable();

export const ZCreateDemandBody = z.object({
  title: z.string().trim().min(1, "must not be empty").max(200),
  description: z.string().max(20_000).default(""),
  type: ZDemandType.default("feature"),
  size: ZSize.optional(),
  laneId: ZId.optional().describe("Default: the first lane without a WIP limit, else the first lane"),
  stageId: ZId.optional().describe("Default: the first stage"),
  parentId: ZId.optional().describe("For a defect: the demand it belongs to"),
});
export type TCreateDemandBody = z.infer<typeof ZCreateDemandBody>;

export const ZUpdateDemandBody = z
  .object({
    title: z.string().trim().min(1, "must not be empty").max(200),
    description: z.string().max(20_000),
    type: ZDemandType,
    size: ZSize,
    parentId: ZId.nullable(),
    ownerId: ZId.nullable(),
    links: z.array(ZDemandLink).max(50),
    archived: z.boolean().describe("Archive (true) or restore (false) the demand"),
    expectedVersion: z.number().int().min(1),
  })
  .partial()
  .refine((body) => Object.keys(body).some((key) => key !== "expectedVersion"), {
    message: "name at least one field to change",
  });
export type TUpdateDemandBody = z.infer<typeof ZUpdateDemandBody>;

export const ZMoveDemandBody = z
  .object({
    toStageId: ZId,
    toLaneId: ZId.optional().describe("Default: stay in the current lane"),
    beforeId: ZId.optional().describe("Place the demand just before this one in the target cell"),
    afterId: ZId.optional().describe("Place the demand just after this one in the target cell"),
    expectedVersion: z.number().int().min(1).optional(),
    idempotencyKey: z.string().min(1).max(100).optional(),
    acceptanceOverride: z
      .string()
      .trim()
      .min(1, "must give a reason")
      .max(500)
      .optional()
      .describe("A business demand passes the acceptance gate with children undelivered: why"),
  })
  .refine((body) => !(body.beforeId && body.afterId), {
    message: "give beforeId or afterId, not both",
    path: ["afterId"],
  });
export type TMoveDemandBody = z.infer<typeof ZMoveDemandBody>;

export const ZMoveResult = z.object({
  demand: ZDemand,
  seq: z.number().int(),
  overWip: z.boolean().describe("A soft WIP limit was exceeded by this move"),
  transitionId: z.string(),
});
export type TMoveResult = z.infer<typeof ZMoveResult>;

export const ZCheckParams = z.object({ id: ZId, criterionId: ZId });
export const ZCheckBody = z.object({ checked: z.boolean() });
export const ZBlockBody = z.object({ reason: z.string().trim().min(1, "say why it is blocked").max(500) });

export const ZDemandChange = z.object({ demand: ZDemand, seq: z.number().int() });
export type TDemandChange = z.infer<typeof ZDemandChange>;

/** What a Transition row records; `owner_changed` carries the new owner's user id in `note`. */
export const ZTransitionKind = z.enum([
  "created",
  "moved",
  "blocked",
  "unblocked",
  "archived",
  "restored",
  "owner_changed",
]);

export const ZTransition = z.object({
  id: z.string(),
  demandId: ZId,
  kind: ZTransitionKind,
  fromStageId: ZId.nullable(),
  toStageId: ZId,
  fromLaneId: ZId.nullable(),
  toLaneId: ZId,
  at: z.iso.datetime(),
  actorId: ZId.nullable(),
  overWip: z.boolean(),
  note: z.string().nullable(),
});
export type TTransition = z.infer<typeof ZTransition>;

export const ZTransitionsQuery = z.object({
  since: z.coerce.number().int().min(0).optional().describe("Only transitions with a larger id"),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});
export const ZTransitionPage = z.object({
  transitions: z.array(ZTransition),
  next: z.string().nullable().describe("Pass as `since` for the next page; null at the end"),
});
