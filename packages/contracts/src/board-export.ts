import { z } from "zod";
import {
  ZBoardKey,
  ZBoardRole,
  ZCriterionKind,
  ZCriterionPhase,
  ZDemandLink,
  ZDemandType,
  ZFlowBoundary,
  ZId,
  ZStageKind,
  ZWipPolicy,
} from "./board";
import { ZTransitionKind } from "./demand";
import { ZForecastSettings } from "./forecast";
import { ZInstantInput } from "./instant";
import { ZCodeEventKind, ZCodeEventSource, ZPipelineSettings } from "./pipeline";
import { ZTimeBasis } from "./time-basis";

/**
 * A board as a portable JSON document: GET /api/boards/:boardId/export
 * writes it, POST /api/boards/import reads it into a new board.
 *
 * It holds everything the metrics derive from (stages with their
 * boundaries, the full transition log, the pipeline's code events) and the
 * board as people see it (lanes, criteria, demands with checks, blocks,
 * archive state and ranks). Never secrets: no webhook secrets, tokens,
 * password hashes or emails. Ids are the exporting install's; they only
 * tie the document's parts together and the importer replaces them all.
 *
 * `formatVersion` changes when a reader of the old format could misread the
 * new one; an importer refuses versions it does not know.
 */
export const BOARD_EXPORT_FORMAT_VERSION = 1;

const NUL = "\u0000";
/** Text PostgreSQL can store: it refuses the NUL character in text and jsonb. */
const ZText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !text.includes(NUL), "must not contain NUL");
/** A reference between parts of the document (the exporting install's id). */
const ZRef = ZText(100).min(1);
const ZInstant = ZInstantInput;
/** A PostgreSQL integer column. */
const ZCount = z.number().int().min(0).max(2_147_483_647);

export const ZExportedStage = z.object({
  id: ZRef,
  name: ZText(60).min(1),
  position: ZCount,
  kind: ZStageKind,
  wipLimit: ZCount.nullable(),
  wipPolicy: ZWipPolicy,
  boundary: ZFlowBoundary.nullable(),
});

export const ZExportedLane = z.object({
  id: ZRef,
  name: ZText(60).min(1),
  position: ZCount,
  wipLimit: ZCount.nullable(),
  wipPolicy: ZWipPolicy,
});

export const ZExportedCriterion = z.object({
  id: ZRef,
  stageId: ZRef,
  text: ZText(500).min(1),
  phase: ZCriterionPhase,
  kind: ZCriterionKind.default("manual").describe("Exports made before criterion kinds existed are manual"),
  required: z.boolean(),
  position: ZCount,
});

export const ZExportedCheck = z.object({
  criterionId: ZRef,
  /** The user who ticked it; kept on import only where that user exists there. */
  checkedById: ZRef.nullable(),
  checkedAt: ZInstant,
});

export const ZExportedDemand = z.object({
  id: ZRef,
  number: ZCount.min(1),
  title: ZText(200).min(1),
  description: ZText(20_000),
  type: ZDemandType,
  size: ZText(20).nullable(),
  parentId: ZRef.nullable(),
  ownerId: ZRef.nullable(),
  stageId: ZRef,
  laneId: ZRef,
  rank: ZText(200).min(1),
  blocked: z.boolean(),
  blockedReason: ZText(500).nullable(),
  blockedAt: ZInstant.nullable(),
  links: z.array(ZDemandLink).max(50),
  version: ZCount.min(1),
  archivedAt: ZInstant.nullable(),
  enteredStageAt: ZInstant,
  committedAt: ZInstant.nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
  checks: z.array(ZExportedCheck),
});

export const ZExportedTransition = z.object({
  /** The exporting install's log order; the importer appends in this order. */
  id: ZRef,
  demandId: ZRef,
  kind: ZTransitionKind,
  fromStageId: ZRef.nullable(),
  toStageId: ZRef,
  fromLaneId: ZRef.nullable(),
  toLaneId: ZRef,
  at: ZInstant,
  actorId: ZRef.nullable(),
  overWip: z.boolean(),
  note: ZText(2000).nullable(),
});

export const ZExportedCodeEvent = z.object({
  id: ZRef,
  source: ZCodeEventSource,
  deliveryId: ZText(200).min(1),
  kind: ZCodeEventKind,
  sha: ZText(64).nullable(),
  repository: ZText(500).nullable(),
  message: ZText(20_000).nullable(),
  environment: ZText(200).nullable(),
  /** The keys the event named, as sent (they keep the exporting board's key). */
  demandKeys: z.array(ZText(40)),
  at: ZInstant,
  receivedAt: ZInstant,
  /** The demands of this document the event was linked to. */
  demandIds: z.array(ZRef),
});

export const ZExportedMember = z.object({
  userId: ZRef,
  name: ZText(200),
  role: ZBoardRole,
});

/**
 * The board settings a document carries: how the board counts time, what
 * its pipeline treats as a release, how far back its forecasts sample.
 * Listed, not copied: anything else a board stores (the admin-only SLE alert
 * webhook, whose URL and signing secret any member could otherwise read or
 * plant in a board they import) is dropped on export and on import. A value
 * this install cannot read is dropped too; the board then uses its default.
 */
export const ZExportedBoardSettings = z.object({
  timeBasis: ZTimeBasis.optional().catch(undefined),
  releaseMovesToDone: ZPipelineSettings.shape.releaseMovesToDone.optional().catch(undefined),
  productionEnvironments: ZPipelineSettings.shape.productionEnvironments.optional().catch(undefined),
  forecastWeeks: ZForecastSettings.shape.forecastWeeks.optional().catch(undefined),
});
export type TExportedBoardSettings = z.infer<typeof ZExportedBoardSettings>;

const ZBoardExportShape = z.object({
  formatVersion: z.literal(BOARD_EXPORT_FORMAT_VERSION, {
    message: `must be ${BOARD_EXPORT_FORMAT_VERSION}: this install reads board exports of format version ${BOARD_EXPORT_FORMAT_VERSION}`,
  }),
  exportedAt: ZInstant,
  board: z.object({
    id: ZRef,
    key: ZBoardKey,
    name: ZText(100).min(1),
    settings: ZExportedBoardSettings,
    createdAt: ZInstant,
    nextDemandNumber: ZCount.min(1),
  }),
  /** Members as the board shows them (id, name, role); no emails. An import enrols only the importer. */
  members: z.array(ZExportedMember),
  stages: z.array(ZExportedStage).min(1, "a board needs at least one stage"),
  lanes: z.array(ZExportedLane).min(1, "a board needs at least one lane"),
  criteria: z.array(ZExportedCriterion),
  demands: z.array(ZExportedDemand),
  /** The whole append-only log, oldest first. */
  transitions: z.array(ZExportedTransition),
  codeEvents: z.array(ZExportedCodeEvent),
});

/**
 * The document, with its cross-references checked: every stage, lane,
 * criterion, demand and parent a part names must be in the document, so an
 * import never half-succeeds on a dangling id. Issues name the bad path
 * (`transitions.12.toStageId`).
 */
export const ZBoardExport = ZBoardExportShape.superRefine((doc, context) => {
  const ids = (items: { id: string }[], path: string) => {
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      if (seen.has(item.id)) {
        context.addIssue({ code: "custom", path: [path, index, "id"], message: "is used twice" });
      }
      seen.add(item.id);
    }
    return seen;
  };
  const stageIds = ids(doc.stages, "stages");
  const laneIds = ids(doc.lanes, "lanes");
  const criterionIds = ids(doc.criteria, "criteria");
  const demandIds = ids(doc.demands, "demands");
  ids(doc.transitions, "transitions");
  ids(doc.codeEvents, "codeEvents");
  const expect = (known: Set<string>, ref: string | null, path: (string | number)[], what: string) => {
    if (ref !== null && !known.has(ref)) {
      context.addIssue({ code: "custom", path, message: `names no ${what} of this document` });
    }
  };

  for (const part of ["stages", "lanes"] as const) {
    const positions = new Set<number>();
    for (const [index, item] of doc[part].entries()) {
      if (positions.has(item.position)) {
        context.addIssue({ code: "custom", path: [part, index, "position"], message: "is used twice" });
      }
      positions.add(item.position);
    }
  }
  const boundaries = new Set<string>();
  for (const [index, stage] of doc.stages.entries()) {
    if (stage.boundary === null) continue;
    if (boundaries.has(stage.boundary)) {
      context.addIssue({
        code: "custom",
        path: ["stages", index, "boundary"],
        message: `${stage.boundary} is marked by two stages`,
      });
    }
    boundaries.add(stage.boundary);
  }
  for (const [index, criterion] of doc.criteria.entries()) {
    expect(stageIds, criterion.stageId, ["criteria", index, "stageId"], "stage");
  }
  const numbers = new Set<number>();
  for (const [index, demand] of doc.demands.entries()) {
    const at = (field: string) => ["demands", index, field];
    if (numbers.has(demand.number)) {
      context.addIssue({ code: "custom", path: at("number"), message: "is used by two demands" });
    }
    numbers.add(demand.number);
    expect(stageIds, demand.stageId, at("stageId"), "stage");
    expect(laneIds, demand.laneId, at("laneId"), "lane");
    expect(demandIds, demand.parentId, at("parentId"), "demand");
    const ticked = new Set<string>();
    for (const [checkIndex, check] of demand.checks.entries()) {
      const path = ["demands", index, "checks", checkIndex, "criterionId"];
      expect(criterionIds, check.criterionId, path, "criterion");
      // One tick per criterion and demand, as the database keeps them.
      if (ticked.has(check.criterionId))
        context.addIssue({ code: "custom", path, message: "is ticked twice" });
      ticked.add(check.criterionId);
    }
  }
  for (const [index, transition] of doc.transitions.entries()) {
    const at = (field: string) => ["transitions", index, field];
    expect(demandIds, transition.demandId, at("demandId"), "demand");
    expect(stageIds, transition.fromStageId, at("fromStageId"), "stage");
    expect(stageIds, transition.toStageId, at("toStageId"), "stage");
    expect(laneIds, transition.fromLaneId, at("fromLaneId"), "lane");
    expect(laneIds, transition.toLaneId, at("toLaneId"), "lane");
  }
  // The pipeline stores a delivery once per (source, delivery id, kind, sha).
  const deliveries = new Set<string>();
  for (const [index, event] of doc.codeEvents.entries()) {
    const delivery = JSON.stringify([event.source, event.deliveryId, event.kind, event.sha]);
    if (event.sha !== null && deliveries.has(delivery)) {
      context.addIssue({
        code: "custom",
        path: ["codeEvents", index, "deliveryId"],
        message: "repeats an earlier event's source, delivery id, kind and sha",
      });
    }
    deliveries.add(delivery);
    for (const [refIndex, ref] of event.demandIds.entries()) {
      expect(demandIds, ref, ["codeEvents", index, "demandIds", refIndex], "demand");
    }
  }
});
export type TBoardExport = z.infer<typeof ZBoardExport>;

export const ZImportBoardQuery = z.object({
  key: ZBoardKey.optional().describe("Key of the new board (default: the exported board's key)"),
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("Name of the new board (default: the exported name)"),
});
export type TImportBoardQuery = z.infer<typeof ZImportBoardQuery>;

export const ZImportBoardResult = z.object({
  boardId: ZId,
  key: z.string(),
  name: z.string(),
  demands: z.number().int(),
  transitions: z.number().int(),
  codeEvents: z.number().int(),
});
export type TImportBoardResult = z.infer<typeof ZImportBoardResult>;
