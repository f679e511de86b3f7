import { randomUUID } from "node:crypto";
import {
  ErrorCode,
  type TBoardExport,
  type TImportBoardQuery,
  type TImportBoardResult,
} from "@tideway/contracts";
import { parentRefusal } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import { insertCodeEvents, insertDemands } from "../bulk-insert";
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
const ROWS_PER_STATEMENT = 2_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Creates a NEW board from an export (ZBoardExport, already validated with
 * its cross-references): every part gets a fresh id, consistently remapped,
 * and every timestamp is kept, so the metrics of the new board equal the
 * old one's. The log is appended in the document's order.
 *
 * People: the importer becomes admin and the board's only member; a
 * document cannot enrol anyone else (its `members` list is not read).
 * References to users (actor, owner, who ticked a check) are kept only for
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
  refuseForbiddenParents(doc.demands, doc.demands, "demands");
  const target = {
    key: overrides.key ?? doc.board.key,
    name: overrides.name ?? doc.board.name,
    knownUsers: await peopleTheImporterMayName(db, importerId, doc),
  };
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

/** Where an import writes a board: its key and name, and the people it may name (see importBoard). */
export interface ImportTarget {
  key: string;
  name: string;
  knownUsers: ReadonlySet<string>;
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
  { key, name, knownUsers }: ImportTarget,
): Promise<{ result: TImportBoardResult; demandIds: ReadonlyMap<string, string> }> {
  const user = (ref: string | null) => (ref !== null && knownUsers.has(ref) ? ref : null);
  const remap = (items: { id: string }[]) => new Map(items.map((item) => [item.id, randomUUID()]));
  const stageIds = remap(doc.stages);
  const laneIds = remap(doc.lanes);
  const criterionIds = remap(doc.criteria);
  const demandIds = remap(doc.demands);
  const codeEventIds = remap(doc.codeEvents);
  // The document's references were checked by ZBoardExport, so every lookup finds its id.
  const to = (ids: Map<string, string>, ref: string) => ids.get(ref) as string;
  const toOrNull = (ids: Map<string, string>, ref: string | null) => (ref === null ? null : to(ids, ref));
  // A loop, not Math.max(...): a spread of 100k numbers overflows the stack.
  const highestNumber = doc.demands.reduce((highest, demand) => Math.max(highest, demand.number), 0);

  if (await tx.board.findUnique({ where: { key }, select: { id: true } })) throw keyTaken(key);
  const board = await tx.board.create({
    data: {
      key,
      name,
      settings: doc.board.settings as Prisma.InputJsonObject,
      createdAt: new Date(doc.board.createdAt),
      nextDemandNumber: Math.max(doc.board.nextDemandNumber, highestNumber + 1),
    },
  });
  const boardId = board.id;
  await tx.boardMember.create({ data: { boardId, userId: importerId, role: "admin" } });
  await tx.stage.createMany({
    data: doc.stages.map(({ id, ...stage }) => ({ ...stage, id: to(stageIds, id), boardId })),
  });
  await tx.lane.createMany({
    data: doc.lanes.map(({ id, ...lane }) => ({ ...lane, id: to(laneIds, id), boardId })),
  });
  await tx.criterion.createMany({
    data: doc.criteria.map(({ id, stageId, ...criterion }) => ({
      ...criterion,
      id: to(criterionIds, id),
      stageId: to(stageIds, stageId),
    })),
  });

  // Parents are set after every demand exists: a parent may come later in the document.
  for (const chunk of inChunks(doc.demands, ROWS_PER_STATEMENT)) {
    await insertDemands(
      tx,
      boardId,
      chunk.map(({ checks: _checks, id, parentId: _parentId, ownerId, stageId, laneId, ...demand }) => ({
        ...demand,
        id: to(demandIds, id),
        ownerId: user(ownerId),
        stageId: to(stageIds, stageId),
        laneId: to(laneIds, laneId),
      })),
    );
  }
  const children = doc.demands.filter((demand) => demand.parentId !== null);
  if (children.length > 0) {
    // Raw SQL so the demand's updated_at keeps the exported value.
    await tx.$executeRaw`
      UPDATE demands d SET parent_id = p.parent_id
      FROM unnest(${children.map((c) => to(demandIds, c.id))}::uuid[],
                  ${children.map((c) => toOrNull(demandIds, c.parentId))}::uuid[]) AS p(id, parent_id)
      WHERE d.id = p.id`;
  }
  const checks = doc.demands.flatMap((demand) =>
    demand.checks.map((check) => ({
      demandId: to(demandIds, demand.id),
      criterionId: to(criterionIds, check.criterionId),
      checkedById: user(check.checkedById),
      checkedAt: check.checkedAt,
    })),
  );
  for (const chunk of inChunks(checks, 10_000)) await tx.criterionCheck.createMany({ data: chunk });

  for (const chunk of inChunks(doc.transitions, ROWS_PER_STATEMENT)) {
    await logTransitions(
      tx,
      boardId,
      chunk.map(({ id: _id, demandId, fromStageId, toStageId, fromLaneId, toLaneId, actorId, ...t }) => ({
        ...t,
        demandId: to(demandIds, demandId),
        fromStageId: toOrNull(stageIds, fromStageId),
        toStageId: to(stageIds, toStageId),
        fromLaneId: toOrNull(laneIds, fromLaneId),
        toLaneId: to(laneIds, toLaneId),
        actorId: user(actorId),
      })),
    );
  }
  for (const chunk of inChunks(doc.codeEvents, ROWS_PER_STATEMENT)) {
    await insertCodeEvents(
      tx,
      boardId,
      chunk.map((event) => ({
        ...event,
        id: to(codeEventIds, event.id),
        demandIds: event.demandIds.map((ref) => to(demandIds, ref)),
      })),
    );
  }

  return {
    result: {
      boardId,
      key,
      name,
      demands: doc.demands.length,
      transitions: doc.transitions.length,
      codeEvents: doc.codeEvents.length,
    },
    demandIds,
  };
}

/** A board created with this key after the check (a concurrent import or create) is the same refusal. */
export function keyTakenOr(error: unknown, key: string): unknown {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"
    ? keyTaken(key)
    : error;
}

export function keyTaken(key: string): AppError {
  return new AppError(
    ErrorCode.BOARD_KEY_TAKEN,
    `The board key ${key} is already used by another board; import under another key.`,
    { issues: [{ field: "querystring.key", message: "is already used by another board" }] },
  );
}

/**
 * The user ids the document names that the import may keep: the importer and
 * the members of boards the importer admins (people an admin can already add
 * to a board of theirs).
 */
export async function peopleTheImporterMayName(
  db: Db,
  importerId: string,
  doc: TBoardExport,
): Promise<Set<string>> {
  const refs = new Set<string>();
  for (const demand of doc.demands) {
    if (demand.ownerId) refs.add(demand.ownerId);
    for (const check of demand.checks) if (check.checkedById) refs.add(check.checkedById);
  }
  for (const transition of doc.transitions) if (transition.actorId) refs.add(transition.actorId);
  const candidates = [...refs].filter((ref) => UUID.test(ref) && ref !== importerId);
  const known = new Set([importerId]);
  if (candidates.length === 0) return known;
  const colleagues = await db.boardMember.findMany({
    where: {
      userId: { in: candidates },
      board: { members: { some: { userId: importerId, role: "admin" } } },
    },
    select: { userId: true },
    distinct: ["userId"],
  });
  for (const colleague of colleagues) known.add(colleague.userId);
  return known;
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
