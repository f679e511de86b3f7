import { randomUUID } from "node:crypto";
import {
  BOARD_EXPORT_ITEM_PARTS,
  ErrorCode,
  type TBoardExport,
  type TBoardExportItemPart,
  type TImportBoardQuery,
  type TImportBoardResult,
} from "@tideway/contracts";
import { dependencyCycleAmong, parentRefusal } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import type { RawStatements } from "../../db/transaction-connection";
import { AppError, invalidField } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import {
  type DependencyRow,
  insertCodeEvents,
  insertComments,
  insertCriterionChecks,
  insertDemands,
  insertDependencies,
} from "../bulk-insert";
import { logTransitions } from "../demands/log-transitions";
import { inChunks } from "../in-chunks";

type Tx = Prisma.TransactionClient;

/**
 * An import writes the whole board in one transaction, far beyond a move's
 * time limit for a large board (bench/board-export.ts); nothing else waits
 * on the new board's rows meanwhile.
 */
export const IMPORT_TRANSACTION = { maxWait: 5_000, timeout: 300_000 } as const;
/**
 * Rows per statement of an import, far below bulk-insert's 20,000: each
 * statement's parameters are built (JSON text, column arrays) and handed to
 * Prisma's query compiler in one synchronous step, and its memory grows to
 * the largest one. At 20,000 rows a 24 MiB import held the event loop for
 * 0.7 s and grew the server by 275 MB (bench/board-import-memory.ts); the
 * rows of one chunk are mapped only when it is written.
 */
export const ROWS_PER_STATEMENT = 2_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Creates a NEW board from an export (ZBoardExport, already validated with
 * its cross-references): every part gets a fresh id, consistently remapped,
 * and every timestamp is kept, so the metrics of the new board equal the
 * old one's. The log is appended in the document's order.
 *
 * People: the importer becomes admin and the board's only member; a
 * document cannot enrol anyone else (its `members` list is not read).
 * References to users (actor, owner, who ticked a check, a comment's author
 * and mentions, who made a dependency) are kept only for
 * the importer and for people who already belong to a board the importer
 * admins (a copy made next to the original); anyone else becomes an unnamed
 * actor, so a crafted document cannot name a stranger as the author of its
 * history. Across installs user ids mean nothing, and an export carries no
 * emails to match people by.
 */
export async function importBoard(
  db: Db,
  importerId: string,
  doc: TBoardExport,
  overrides: TImportBoardQuery,
): Promise<TImportBoardResult> {
  const target = { key: overrides.key ?? doc.board.key, name: overrides.name ?? doc.board.name };
  try {
    const { result } = await db.$transaction(
      (tx) => writeImportedBoard(tx, importerId, doc, target),
      IMPORT_TRANSACTION,
    );
    return result;
  } catch (error) {
    throw keyTakenOr(error, target.key);
  }
}

/** Where an import writes a board: its key and name. */
export interface ImportTarget {
  key: string;
  name: string;
}

/**
 * Writes one exported board as a new board inside the caller's transaction
 * (importBoard, or a portfolio import writing several), and returns the new id
 * of every exported demand, for references from outside the board.
 */
export async function writeImportedBoard(
  tx: Tx,
  importerId: string,
  doc: TBoardExport,
  target: ImportTarget,
): Promise<ImportedBoard> {
  const writer = await ImportedBoardWriter.start(tx, importerId, doc.board, target);
  for (const part of IMPORT_WRITE_ORDER) {
    // Each part's items are its own (TypeScript does not tie `part` to `doc[part]` in a loop).
    const items: readonly ItemOf<ImportWritePart>[] = doc[part];
    for (const chunk of inChunks(items, ROWS_PER_STATEMENT))
      await writer.write({ part, items: chunk } as ImportBatch);
  }
  return writer.finish();
}

export interface ImportedBoard {
  result: TImportBoardResult;
  demandIds: ReadonlyMap<string, string>;
}

export type ImportWritePart = Exclude<TBoardExportItemPart, "members">;
/**
 * The parts an import writes, each after the ones it refers to: the order an
 * export lists them in (members are not read: see importBoard).
 */
export const IMPORT_WRITE_ORDER = BOARD_EXPORT_ITEM_PARTS.filter(
  (part): part is ImportWritePart => part !== "members",
);
type ItemOf<Part extends ImportWritePart> = TBoardExport[Part][number];
/** Some items of one part, in document order. */
export type ImportBatch = {
  [Part in ImportWritePart]: { part: Part; items: readonly ItemOf<Part>[] };
}[ImportWritePart];

/**
 * Writes an exported board part by part, a few thousand items at a time, as
 * a streamed import reads them (read-board-export.ts), so no more than one
 * batch of items is ever held: what it keeps is what later parts refer to,
 * the new id of each stage, lane, criterion and demand (and each demand's
 * type, for its children), and which people the document may name. Each
 * part must come after the parts it refers to (IMPORT_WRITE_ORDER) and
 * every reference must be checked (BoardExportReferences) before its item
 * is written; parent links and dependencies, which may point later in the
 * list, are written by `finish` (a few ids each, so a board's thousands of
 * them are held until then).
 */
export class ImportedBoardWriter {
  private readonly newIds = {
    stages: new Map<string, string>(),
    lanes: new Map<string, string>(),
    criteria: new Map<string, string>(),
    demands: new Map<string, string>(),
  };
  private readonly demandTypes = new Map<string, string>();
  private readonly children: { at: string; id: string; parentId: string }[] = [];
  /** Dependencies between the document's demands, by their document ids, written by `finish`. */
  private readonly dependencies: DependencyRow[] = [];
  /** Each user id the document names: whether the import keeps it (see importBoard). */
  private readonly people: Map<string, boolean>;
  private highestNumber = 0;
  private readonly counts = { demands: 0, transitions: 0, codeEvents: 0 };

  private constructor(
    private readonly tx: Tx,
    /** Where the bulk statements go: `tx`, or the connection under it (see start). */
    private readonly bulk: RawStatements,
    private readonly importerId: string,
    private readonly board: { id: string; key: string; name: string; nextDemandNumber: number },
  ) {
    this.people = new Map([[importerId, true]]);
  }

  /**
   * Creates the board, with the importer its admin; 409 when the key is taken.
   * The bulk statements (demands, the log, code events, parent links) go to
   * `bulk`, by default `tx`; a large import passes the connection under `tx`
   * (transactionConnection), so their parameters do not pass through Prisma.
   */
  static async start(
    tx: Tx,
    importerId: string,
    exported: TBoardExport["board"],
    { key, name }: ImportTarget,
    bulk: RawStatements = tx,
  ): Promise<ImportedBoardWriter> {
    if (await tx.board.findUnique({ where: { key }, select: { id: true } })) throw keyTaken(key);
    const board = await tx.board.create({
      data: {
        key,
        name,
        settings: exported.settings as Prisma.InputJsonObject,
        createdAt: new Date(exported.createdAt),
        nextDemandNumber: exported.nextDemandNumber,
      },
      select: { id: true, key: true, name: true, nextDemandNumber: true },
    });
    await tx.boardMember.create({ data: { boardId: board.id, userId: importerId, role: "admin" } });
    return new ImportedBoardWriter(tx, bulk, importerId, board);
  }

  async write(batch: ImportBatch): Promise<void> {
    const boardId = this.board.id;
    if (batch.items.length === 0) return;
    if (batch.part === "stages") {
      await this.tx.stage.createMany({
        data: batch.items.map(({ id, ...stage }) => ({ ...stage, id: this.newId("stages", id), boardId })),
      });
    } else if (batch.part === "lanes") {
      await this.tx.lane.createMany({
        data: batch.items.map(({ id, ...lane }) => ({ ...lane, id: this.newId("lanes", id), boardId })),
      });
    } else if (batch.part === "criteria") {
      await this.tx.criterion.createMany({
        data: batch.items.map(({ id, stageId, ...criterion }) => ({
          ...criterion,
          id: this.newId("criteria", id),
          stageId: this.to("stages", stageId),
        })),
      });
    } else if (batch.part === "demands") await this.writeDemands(batch.items);
    else if (batch.part === "transitions") await this.writeTransitions(batch.items);
    else await this.writeCodeEvents(batch.items);
  }

  /**
   * Links children to their parents and demands to what they wait on
   * (refusing a link or a cycle no other path may make) and returns the result.
   */
  async finish(): Promise<ImportedBoard> {
    const { tx, bulk, board } = this;
    const cycle = dependencyCycleAmong(this.dependencies);
    if (cycle !== null) {
      const ids = cycle.map((ref) => this.to("demands", ref));
      const numbers = await tx.demand.findMany({
        where: { id: { in: ids } },
        select: { id: true, number: true },
      });
      const numberOf = new Map(numbers.map((demand) => [demand.id, demand.number]));
      throw dependencyCycleRefused(ids.map((id) => `${board.key}-${numberOf.get(id)}`));
    }
    const links = this.children.map(({ at, id, parentId }) => {
      const refusal = parentRefusal(id, { id: parentId, type: this.demandTypes.get(parentId) as string });
      if (refusal !== null) throw invalidField(`${at}.parentId`, refusal);
      return { id: this.to("demands", id), parentId: this.to("demands", parentId) };
    });
    for (const chunk of inChunks(links, ROWS_PER_STATEMENT)) {
      // Raw SQL so the demand's updated_at keeps the exported value.
      await bulk.$executeRaw`
        UPDATE demands d SET parent_id = p.parent_id
        FROM unnest(${chunk.map((link) => link.id)}::uuid[], ${chunk.map((link) => link.parentId)}::uuid[])
          AS p(id, parent_id)
        WHERE d.id = p.id`;
    }
    await insertDependencies(
      bulk,
      this.dependencies.map((dependency) => ({
        ...dependency,
        demandId: this.to("demands", dependency.demandId),
        dependsOnId: this.to("demands", dependency.dependsOnId),
      })),
    );
    if (this.highestNumber >= board.nextDemandNumber) {
      await tx.board.update({ where: { id: board.id }, data: { nextDemandNumber: this.highestNumber + 1 } });
    }
    return {
      result: { boardId: board.id, key: board.key, name: board.name, ...this.counts },
      demandIds: this.newIds.demands,
    };
  }

  private async writeDemands(demands: readonly ItemOf<"demands">[]): Promise<void> {
    await this.learnPeople(
      demands.flatMap((demand) => [
        demand.ownerId,
        ...demand.checks.map((check) => check.checkedById),
        ...(demand.comments ?? []).flatMap((comment) => [comment.authorId, ...comment.mentions]),
        ...(demand.dependencies ?? []).map((dependency) => dependency.createdById),
      ]),
    );
    for (const demand of demands) {
      const at = `demands.${this.counts.demands++}`;
      this.demandTypes.set(demand.id, demand.type);
      for (const dependency of demand.dependencies ?? []) {
        this.dependencies.push({
          demandId: demand.id,
          dependsOnId: dependency.dependsOnId,
          createdById: this.person(dependency.createdById),
          createdAt: dependency.createdAt,
        });
      }
      // A loop, not Math.max(...): a spread of 100k numbers overflows the stack.
      this.highestNumber = Math.max(this.highestNumber, demand.number);
      // Parents are set by finish, when every demand exists: a parent may come later in the document.
      if (demand.parentId !== null) this.children.push({ at, id: demand.id, parentId: demand.parentId });
    }
    await insertDemands(
      this.bulk,
      this.board.id,
      demands.map(({ checks: _checks, id, parentId: _parentId, ownerId, stageId, laneId, ...demand }) => ({
        ...demand,
        id: this.newId("demands", id),
        ownerId: this.person(ownerId),
        stageId: this.to("stages", stageId),
        laneId: this.to("lanes", laneId),
      })),
    );
    const checks = demands.flatMap((demand) =>
      demand.checks.map((check) => ({
        demandId: this.to("demands", demand.id),
        criterionId: this.to("criteria", check.criterionId),
        checkedById: this.person(check.checkedById),
        checkedAt: check.checkedAt,
      })),
    );
    await insertCriterionChecks(this.bulk, checks);
    const comments = demands.flatMap((demand) =>
      (demand.comments ?? []).map((comment) => ({
        ...comment,
        demandId: this.to("demands", demand.id),
        authorId: this.person(comment.authorId),
        mentions: comment.mentions.filter((ref) => this.person(ref) !== null),
      })),
    );
    await insertComments(this.bulk, comments);
  }

  private async writeTransitions(transitions: readonly ItemOf<"transitions">[]): Promise<void> {
    await this.learnPeople(transitions.map((transition) => transition.actorId));
    this.counts.transitions += transitions.length;
    await logTransitions(
      this.bulk,
      this.board.id,
      transitions.map(
        ({ id: _id, demandId, fromStageId, toStageId, fromLaneId, toLaneId, actorId, ...t }) => ({
          ...t,
          demandId: this.to("demands", demandId),
          fromStageId: this.toOrNull("stages", fromStageId),
          toStageId: this.to("stages", toStageId),
          fromLaneId: this.toOrNull("lanes", fromLaneId),
          toLaneId: this.to("lanes", toLaneId),
          actorId: this.person(actorId),
        }),
      ),
    );
  }

  private async writeCodeEvents(events: readonly ItemOf<"codeEvents">[]): Promise<void> {
    this.counts.codeEvents += events.length;
    await insertCodeEvents(
      this.bulk,
      this.board.id,
      events.map((event) => ({
        ...event,
        // Nothing in a document refers to a code event, so its new id is not kept.
        id: randomUUID(),
        demandIds: event.demandIds.map((ref) => this.to("demands", ref)),
      })),
    );
  }

  private newId(part: keyof ImportedBoardWriter["newIds"], ref: string): string {
    const id = randomUUID();
    this.newIds[part].set(ref, id);
    return id;
  }

  /** The new id of an item written earlier (its reference was checked before it was handed here). */
  private to(part: keyof ImportedBoardWriter["newIds"], ref: string): string {
    return this.newIds[part].get(ref) as string;
  }

  private toOrNull(part: keyof ImportedBoardWriter["newIds"], ref: string | null): string | null {
    return ref === null ? null : this.to(part, ref);
  }

  private person(ref: string | null): string | null {
    return ref !== null && this.people.get(ref) === true ? ref : null;
  }

  /**
   * Decides, for the user ids a batch names that were not seen before, which
   * the import keeps: the importer and the members of boards the importer
   * admins (people an admin can already add to a board of theirs).
   */
  private async learnPeople(refs: readonly (string | null)[]): Promise<void> {
    const unseen = new Set<string>();
    for (const ref of refs) if (ref !== null && !this.people.has(ref)) unseen.add(ref);
    if (unseen.size === 0) return;
    for (const ref of unseen) this.people.set(ref, false);
    const candidates = [...unseen].filter((ref) => UUID.test(ref));
    if (candidates.length === 0) return;
    const colleagues = await this.tx.boardMember.findMany({
      where: {
        userId: { in: candidates },
        board: { members: { some: { userId: this.importerId, role: "admin" } } },
      },
      select: { userId: true },
      distinct: ["userId"],
    });
    for (const colleague of colleagues) this.people.set(colleague.userId, true);
  }
}

/** A board created with this key after the check (a concurrent import or create) is the same refusal. */
export function keyTakenOr(error: unknown, key: string): unknown {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"
    ? keyTaken(key)
    : error;
}

/** A document whose dependencies loop (`keys`: the demands of the loop, the first one again at its end). */
function dependencyCycleRefused(keys: readonly string[]): AppError {
  return new AppError(
    ErrorCode.DEPENDENCY_CYCLE,
    `The document's dependencies go round in a circle (${keys.join(" waits on ")}): remove one of them and import again.`,
    { cycleLength: keys.length - 1 },
  );
}

export function keyTaken(key: string): AppError {
  return new AppError(
    ErrorCode.BOARD_KEY_TAKEN,
    `The board key ${key} is already used by another board; import under another key.`,
    { issues: [{ field: "querystring.key", message: "is already used by another board" }] },
  );
}

/**
 * A document cannot link what no other path may (`parentRefusal`: a defect is
 * never a parent). `links` name a child and its parent among `parents`; the
 * error names the link's place in the document (`demands.3.parentId`).
 */
export function refuseForbiddenParents(
  links: readonly { id?: string; childId?: string; parentId: string | null }[],
  parents: readonly { id: string; type: string }[],
  path: string,
): void {
  const parentsById = new Map(parents.map((parent) => [parent.id, parent]));
  for (const [index, link] of links.entries()) {
    const parent = link.parentId === null ? undefined : parentsById.get(link.parentId);
    const refusal = parent === undefined ? null : parentRefusal(link.childId ?? link.id ?? null, parent);
    if (refusal !== null) throw invalidField(`${path}.${index}.parentId`, refusal);
  }
}
