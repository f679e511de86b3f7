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
import { ZStorableText } from "./storable-text";
import { ZTimeBasis } from "./time-basis";

/**
 * A board as a portable JSON document: GET /api/boards/:boardId/export
 * writes it, POST /api/boards/import reads it into a new board.
 *
 * It holds everything the metrics derive from (stages with their
 * boundaries, the full transition log, the pipeline's code events) and the
 * board as people see it (lanes, criteria, demands with checks, blocks,
 * archive state, ranks, comments and the dependencies between them). Never secrets: no webhook secrets, tokens,
 * password hashes or emails. Ids are the exporting install's; they only
 * tie the document's parts together and the importer replaces them all.
 *
 * `formatVersion` changes when a reader of the old format could misread the
 * new one; an importer refuses versions it does not know.
 */
export const BOARD_EXPORT_FORMAT_VERSION = 1;

/** Text PostgreSQL can store (it refuses the NUL character in text and jsonb), at most `max` long. */
const ZText = (max: number) => ZStorableText().max(max);
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

/**
 * A comment on a demand, as its board shows it. Deleted comments (kept as
 * rows without a body) are not exported. Nothing refers to a comment, so
 * it carries no id; `authorId` and `mentions` are kept on import only for
 * people the import keeps (see ZExportedCheck).
 */
export const ZExportedComment = z.object({
  authorId: ZRef.nullable(),
  body: ZText(10_000).min(1),
  mentions: z.array(ZRef).max(200),
  createdAt: ZInstant,
  editedAt: ZInstant.nullable(),
});

/**
 * The demand waits on `dependsOnId`, another demand of this document
 * (a dependency on another board's demand is not exported, as a parent on
 * another board is not).
 */
export const ZExportedDependency = z.object({
  dependsOnId: ZRef,
  createdById: ZRef.nullable(),
  createdAt: ZInstant,
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
  /** Oldest first. Absent from exports made before comments travelled. */
  comments: z.array(ZExportedComment).optional(),
  /** What the demand waits on, oldest first. Absent from exports made before dependencies travelled. */
  dependencies: z.array(ZExportedDependency).optional(),
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

/** Where a problem is in the document (`["transitions", 12, "toStageId"]`) and what it is. */
export interface BoardExportIssue {
  path: (string | number)[];
  message: string;
}

/** The parts of a document that are lists of items, in the order an export writes them. */
export const BOARD_EXPORT_ITEM_PARTS = [
  "members",
  "stages",
  "lanes",
  "criteria",
  "demands",
  "transitions",
  "codeEvents",
] as const;
export type TBoardExportItemPart = (typeof BOARD_EXPORT_ITEM_PARTS)[number];
type ItemOf<Part extends TBoardExportItemPart> = z.infer<typeof ZBoardExportShape>[Part][number];

/**
 * The cross-reference rules of a document, fed one validated item at a time
 * in document order: every stage, lane, criterion, demand and parent a part
 * names must be in the document, ids and positions are unique, so an import
 * never half-succeeds on a dangling id. It keeps only compact sets of ids
 * (not the items), so a streamed import checks a 100 MiB document in a few
 * MB; a reference to an item not seen yet (a parent later in the list, or
 * parts in another order) waits until `finish`. ZBoardExport runs the same
 * rules over a whole parsed document: one rule, one place.
 */
export class BoardExportReferences {
  /** Each part's ids, each mapped to itself: the first string read for it, shared by every reference. */
  private readonly ids = new Map<TBoardExportItemPart, Map<string, string>>(
    BOARD_EXPORT_ITEM_PARTS.map((part) => [part, new Map<string, string>()]),
  );
  private readonly positions = { stages: new Set<number>(), lanes: new Set<number>() };
  private readonly boundaries = new Set<string>();
  private readonly numbers = new Set<number>();
  private readonly deliveries = new Set<string>();
  /** References to items not seen yet, checked by `finish`. */
  private pending: {
    part: TBoardExportItemPart;
    ref: string;
    path: (string | number)[];
    what: string;
  }[] = [];
  private readonly issues: BoardExportIssue[] = [];
  /** Parts read to their end (see `settle`). */
  private readonly settled = new Set<TBoardExportItemPart>();

  /** The same id string the document used first, so a streamed import keeps one copy of each id. */
  canonical(part: TBoardExportItemPart, ref: string): string {
    return this.ids.get(part)?.get(ref) ?? ref;
  }

  add<Part extends TBoardExportItemPart>(part: Part, index: number, item: ItemOf<Part>): void {
    if (part === "stages") this.addStage(index, item as ItemOf<"stages">);
    else if (part === "lanes") this.addLane(index, item as ItemOf<"lanes">);
    else if (part === "criteria") {
      const criterion = item as ItemOf<"criteria">;
      this.addId(part, index, criterion.id);
      this.expect("stages", criterion.stageId, [part, index, "stageId"], "stage");
    } else if (part === "demands") this.addDemand(index, item as ItemOf<"demands">);
    else if (part === "transitions") this.addTransition(index, item as ItemOf<"transitions">);
    else if (part === "codeEvents") this.addCodeEvent(index, item as ItemOf<"codeEvents">);
    // Members name people, whom nothing in the document refers to by this list.
  }

  /**
   * `part` has been read to its end: the references waiting for it are
   * resolved now and any later one at once, so a streamed import that writes
   * items as they arrive knows a dangling id before it writes the item.
   */
  settle(part: TBoardExportItemPart): void {
    this.settled.add(part);
    const waiting = this.pending.filter((reference) => reference.part === part);
    if (waiting.length === 0) return;
    this.pending = this.pending.filter((reference) => reference.part !== part);
    for (const reference of waiting) this.resolve(reference);
  }

  /** The issues found so far, handed over once (a streamed import stops at the first). */
  takeIssues(): BoardExportIssue[] {
    return this.issues.splice(0, this.issues.length);
  }

  /** Every issue found (and not taken), the waiting references resolved against the whole document. */
  finish(): BoardExportIssue[] {
    for (const reference of this.pending) this.resolve(reference);
    this.pending.length = 0;
    return this.issues;
  }

  private resolve({ part, ref, path, what }: (typeof this.pending)[number]): void {
    if (!this.ids.get(part)?.has(ref)) this.issue(path, `names no ${what} of this document`);
  }

  private issue(path: (string | number)[], message: string): void {
    this.issues.push({ path, message });
  }

  private addId(part: TBoardExportItemPart, index: number, id: string): void {
    const seen = this.ids.get(part) as Map<string, string>;
    if (seen.has(id)) this.issue([part, index, "id"], "is used twice");
    else seen.set(id, id);
  }

  private expect(
    part: TBoardExportItemPart,
    ref: string | null,
    path: (string | number)[],
    what: string,
  ): void {
    if (ref === null || this.ids.get(part)?.has(ref)) return;
    if (this.settled.has(part)) this.resolve({ part, ref, path, what });
    else this.pending.push({ part, ref, path, what });
  }

  private addPosition(part: "stages" | "lanes", index: number, position: number): void {
    if (this.positions[part].has(position)) this.issue([part, index, "position"], "is used twice");
    this.positions[part].add(position);
  }

  private addStage(index: number, stage: ItemOf<"stages">): void {
    this.addId("stages", index, stage.id);
    this.addPosition("stages", index, stage.position);
    if (stage.boundary === null) return;
    if (this.boundaries.has(stage.boundary)) {
      this.issue(["stages", index, "boundary"], `${stage.boundary} is marked by two stages`);
    }
    this.boundaries.add(stage.boundary);
  }

  private addLane(index: number, lane: ItemOf<"lanes">): void {
    this.addId("lanes", index, lane.id);
    this.addPosition("lanes", index, lane.position);
  }

  private addDemand(index: number, demand: ItemOf<"demands">): void {
    const at = (field: string) => ["demands", index, field];
    this.addId("demands", index, demand.id);
    if (this.numbers.has(demand.number)) this.issue(at("number"), "is used by two demands");
    this.numbers.add(demand.number);
    this.expect("stages", demand.stageId, at("stageId"), "stage");
    this.expect("lanes", demand.laneId, at("laneId"), "lane");
    this.expect("demands", demand.parentId, at("parentId"), "demand");
    const ticked = new Set<string>();
    for (const [checkIndex, check] of demand.checks.entries()) {
      const path = ["demands", index, "checks", checkIndex, "criterionId"];
      this.expect("criteria", check.criterionId, path, "criterion");
      // One tick per criterion and demand, as the database keeps them.
      if (ticked.has(check.criterionId)) this.issue(path, "is ticked twice");
      ticked.add(check.criterionId);
    }
    const awaited = new Set<string>();
    for (const [dependencyIndex, dependency] of (demand.dependencies ?? []).entries()) {
      const path = ["demands", index, "dependencies", dependencyIndex, "dependsOnId"];
      // Cycles through other demands are refused by the import, which holds every dependency.
      if (dependency.dependsOnId === demand.id)
        this.issue(path, "names the demand itself: a demand cannot wait on itself");
      else this.expect("demands", dependency.dependsOnId, path, "demand");
      // One dependency per pair of demands, as the database keeps them.
      if (awaited.has(dependency.dependsOnId)) this.issue(path, "is named twice");
      awaited.add(dependency.dependsOnId);
    }
  }

  private addTransition(index: number, transition: ItemOf<"transitions">): void {
    const at = (field: string) => ["transitions", index, field];
    this.addId("transitions", index, transition.id);
    this.expect("demands", transition.demandId, at("demandId"), "demand");
    this.expect("stages", transition.fromStageId, at("fromStageId"), "stage");
    this.expect("stages", transition.toStageId, at("toStageId"), "stage");
    this.expect("lanes", transition.fromLaneId, at("fromLaneId"), "lane");
    this.expect("lanes", transition.toLaneId, at("toLaneId"), "lane");
  }

  private addCodeEvent(index: number, event: ItemOf<"codeEvents">): void {
    this.addId("codeEvents", index, event.id);
    // The pipeline stores a delivery once per (source, delivery id, kind, sha).
    const delivery = JSON.stringify([event.source, event.deliveryId, event.kind, event.sha]);
    if (event.sha !== null && this.deliveries.has(delivery)) {
      this.issue(
        ["codeEvents", index, "deliveryId"],
        "repeats an earlier event's source, delivery id, kind and sha",
      );
    }
    this.deliveries.add(delivery);
    for (const [refIndex, ref] of event.demandIds.entries()) {
      this.expect("demands", ref, ["codeEvents", index, "demandIds", refIndex], "demand");
    }
  }
}

/**
 * The document's shape without the cross-references: a streamed import
 * validates each list's items with `.shape[part].element` as they arrive
 * and the rest of the document once read (see BoardExportReferences).
 */
export const ZBoardExportParts = ZBoardExportShape;

/**
 * The document, with its cross-references checked (BoardExportReferences).
 * Issues name the bad path (`transitions.12.toStageId`).
 */
export const ZBoardExport = ZBoardExportShape.superRefine((doc, context) => {
  const references = new BoardExportReferences();
  for (const part of BOARD_EXPORT_ITEM_PARTS) {
    for (const [index, item] of doc[part].entries()) references.add(part, index, item);
  }
  for (const { path, message } of references.finish()) context.addIssue({ code: "custom", path, message });
});
export type TBoardExport = z.infer<typeof ZBoardExport>;

export const ZImportBoardQuery = z.object({
  key: ZBoardKey.optional().describe("Key of the new board (default: the exported board's key)"),
  name: ZStorableText()
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
