import { randomUUID } from "node:crypto";
import type { TBoardEvent, TCodeEventSource, TPipelineSettings, TWebhookReceipt } from "@tideway/contracts";
import { countsAsRelease, demandNumber, findDemandKeys } from "@tideway/domain";
import type { Db } from "../../db/prisma";
import type { Prisma } from "../../generated/prisma/client";
import { nextBoardSeq, nextBoardSeqs } from "../board-events";
import { type CodeEventRow, insertCodeEvents } from "../bulk-insert";
import { demandKey, demandViewSelect, toDemandView } from "../demands/demand-view";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import { coveredDemandIds, demandsWithLaterSubmissions } from "./covered-demands";
import { moveReleasedDemands, type ReleaseToDone } from "./move-released-demands";
import type { PipelineEvent } from "./pipeline-event";

type Tx = Prisma.TransactionClient;

export interface DeliveryToRecord {
  board: { id: string; key: string; settings: TPipelineSettings };
  source: TCodeEventSource;
  /** What the delivery is stored and recognised by (webhook-request.ts `replayKey`). */
  deliveryId: string;
  /** The sender's own id for it, reported back in the receipt. */
  senderDeliveryId: string;
  events: PipelineEvent[];
  now: Date;
}

export interface RecordedDelivery {
  receipt: TWebhookReceipt;
  /** Board events to broadcast once the transaction has committed. */
  broadcasts: TBoardEvent[];
}

type KeyedEvent = PipelineEvent & { demandKeys: string[] };

const MAX_MESSAGE_LENGTH = 2_000;
const MAX_KEYS_PER_EVENT = 100;

/**
 * Stores one verified delivery in one transaction: its code events, their
 * links to the demands they name or (deploys and releases) ship, and, for a
 * production release on a board with `releaseMovesToDone`, the moves to Done.
 * Every demand that gained a link takes a board sequence number and is
 * broadcast (`demand.moved` or `demand.updated`), which also tells the
 * metrics cache that the board changed.
 *
 * Deliveries of one board are serialised by a transaction-scoped advisory
 * lock (people's moves do not take it): a redelivery racing the first attempt
 * finds it stored, and each release sees the releases before it.
 */
export async function recordDelivery(db: Db, delivery: DeliveryToRecord): Promise<RecordedDelivery> {
  return db.$transaction((tx) => record(tx, delivery), TRANSACTION_OPTIONS);
}

async function record(tx: Tx, delivery: DeliveryToRecord): Promise<RecordedDelivery> {
  const { board, source, deliveryId, now } = delivery;
  const receipt: TWebhookReceipt = {
    deliveryId: delivery.senderDeliveryId,
    duplicate: false,
    ignored: null,
    events: [],
    movedToDone: [],
    notMoved: [],
  };
  await tx.$queryRaw`
    SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`code-events:${board.id}`}, 0))`;
  const earlier = await tx.codeEvent.findFirst({
    where: { boardId: board.id, source, deliveryId },
    select: { id: true },
  });
  if (earlier) return { receipt: { ...receipt, duplicate: true }, broadcasts: [] };

  const events: KeyedEvent[] = distinctEvents(delivery.events).map((event) => ({
    ...event,
    demandKeys: [
      ...new Set([
        ...findDemandKeys(board.key, event.namedKeys),
        ...findDemandKeys(board.key, event.keyTexts),
      ]),
    ].slice(0, MAX_KEYS_PER_EVENT),
  }));
  const named = await tx.demand.findMany({
    where: {
      boardId: board.id,
      number: { in: [...new Set(events.flatMap((e) => e.demandKeys.map(demandNumber)))] },
    },
    select: { id: true, number: true },
  });
  const demandIdByNumber = new Map(named.map((demand) => [demand.number, demand.id]));

  const linked = new Set<string>();
  const toMove: { demandId: string; shipment: ReleaseToDone }[] = [];
  const recorded: { linked: string[]; event: KeyedEvent; release: boolean }[] = [];
  // Commits and merges first, all in one statement (a push may carry 2,048 of them); then each
  // deploy or release, which looks up the commits it ships, this delivery's included.
  const submissions = events.filter((event) => !isShipping(event));
  const submissionLinks = await storeSubmissions(tx, delivery, submissions, demandIdByNumber);
  submissions.forEach((event, index) => {
    const ids = submissionLinks[index] ?? [];
    for (const id of ids) linked.add(id);
    recorded.push({ linked: ids, event, release: false });
  });
  for (const event of events.filter(isShipping)) {
    const ids = await storeEvent(tx, delivery, event, demandIdByNumber);
    const release = countsAsRelease(event, board.settings);
    if (release && board.settings.releaseMovesToDone) {
      const unshipped = await demandsWithLaterSubmissions(tx, ids, event.at);
      const shipment = { note: releaseNote(event), releasedAt: event.at };
      for (const demandId of ids) if (!unshipped.has(demandId)) toMove.push({ demandId, shipment });
    }
    for (const id of ids) linked.add(id);
    recorded.push({ linked: ids, event, release });
  }

  // One call for all of them: it locks every demand in id order before the Done stage.
  const outcome = await moveReleasedDemands(
    tx,
    board.id,
    new Map(toMove.map((move) => [move.demandId, move.shipment])),
    now,
  );
  const moved = new Set(outcome.moved);
  const refused = outcome.refused;

  const broadcasts = await broadcastChanges(tx, board, linked, moved);
  const keyById = await demandKeys(tx, board.key, linked);
  const keyOf = (id: string) => keyById.get(id) ?? id;
  // In the delivery's own order, as sent.
  const position = new Map(events.map((event, index) => [event, index]));
  recorded.sort((a, b) => (position.get(a.event) ?? 0) - (position.get(b.event) ?? 0));
  receipt.events = recorded.map(({ event, linked: ids, release }) => ({
    kind: event.kind,
    sha: event.sha,
    at: event.at.toISOString(),
    demandKeys: ids.map(keyOf).sort(),
    countsAsRelease: release,
  }));
  receipt.movedToDone = [...moved].map(keyOf).sort();
  receipt.notMoved = refused.map(({ demandId, code, message }) => ({ key: keyOf(demandId), code, message }));
  return { receipt, broadcasts };
}

const isShipping = (event: KeyedEvent) => event.kind === "deploy" || event.kind === "release";

/**
 * Inserts the delivery's commits and merges and their links to the demands
 * they name, in one statement however many there are (services/bulk-insert.ts):
 * a 2,048-commit push took 6.7 s as one insert per commit, past GitHub's 10 s
 * patience under load. Returns each event's linked demand ids, in the order given.
 */
async function storeSubmissions(
  tx: Tx,
  { board, source, deliveryId, now }: DeliveryToRecord,
  events: readonly KeyedEvent[],
  demandIdByNumber: Map<number, string>,
): Promise<string[][]> {
  const rows: CodeEventRow[] = events.map((event) => ({
    id: randomUUID(),
    source,
    deliveryId,
    kind: event.kind,
    sha: event.sha,
    repository: clean(event.repository),
    message: event.message === null ? null : clean(event.message).slice(0, MAX_MESSAGE_LENGTH),
    environment: event.environment === null ? null : clean(event.environment),
    demandKeys: event.demandKeys,
    at: event.at.toISOString(),
    receivedAt: now.toISOString(),
    demandIds: linkedDemandIds(event, demandIdByNumber),
  }));
  if (rows.length > 0) await insertCodeEvents(tx, board.id, rows);
  return rows.map((row) => row.demandIds);
}

function linkedDemandIds(event: KeyedEvent, demandIdByNumber: Map<number, string>): string[] {
  return [...new Set(event.demandKeys.flatMap((key) => demandIdByNumber.get(demandNumber(key)) ?? []))];
}

/**
 * Inserts one deploy or release and links it to the demands it names and
 * those of the commits it ships. Returns their ids.
 */
async function storeEvent(
  tx: Tx,
  { board, source, deliveryId }: DeliveryToRecord,
  event: KeyedEvent,
  demandIdByNumber: Map<number, string>,
): Promise<string[]> {
  const repository = clean(event.repository);
  const row = await tx.codeEvent.create({
    data: {
      boardId: board.id,
      source,
      deliveryId,
      kind: event.kind,
      sha: event.sha,
      repository,
      message: event.message === null ? null : clean(event.message).slice(0, MAX_MESSAGE_LENGTH),
      environment: event.environment === null ? null : clean(event.environment),
      demandKeys: event.demandKeys,
      at: event.at,
    },
    select: { id: true },
  });
  const ids = new Set(linkedDemandIds(event, demandIdByNumber));
  if (event.kind === "deploy" || event.kind === "release") {
    const shipping = { ...event, kind: event.kind, id: row.id, repository };
    for (const id of await coveredDemandIds(tx, board.id, shipping)) ids.add(id);
  }
  if (ids.size > 0) {
    await tx.codeEventDemand.createMany({
      data: [...ids].map((demandId) => ({ codeEventId: row.id, demandId })),
      skipDuplicates: true,
    });
  }
  return [...ids];
}

/**
 * One sequence number and one board event per demand that gained a link:
 * `demand.moved` for those the release moved, `demand.updated` for the rest
 * (their card's code details changed). Archived demands are not on anyone's
 * board; if only they changed, `metrics.changed` still moves the sequence
 * number so the dashboard's cache is refreshed.
 */
async function broadcastChanges(
  tx: Tx,
  board: { id: string; key: string },
  linked: Set<string>,
  moved: Set<string>,
): Promise<TBoardEvent[]> {
  if (linked.size === 0) return [];
  const rows = await tx.demand.findMany({
    where: { id: { in: [...linked] }, archivedAt: null },
    select: demandViewSelect,
    orderBy: { number: "asc" },
  });
  const firstSeq = rows.length > 0 ? await nextBoardSeqs(tx, board.id, rows.length) : 0;
  const broadcasts: TBoardEvent[] = rows.map((row, index) => ({
    seq: firstSeq + index,
    boardId: board.id,
    type: moved.has(row.id) ? "demand.moved" : "demand.updated",
    payload: { demand: toDemandView(row, board.key) },
  }));
  if (broadcasts.length === 0) {
    broadcasts.push({
      seq: await nextBoardSeq(tx, board.id),
      boardId: board.id,
      type: "metrics.changed",
      payload: {},
    });
  }
  return broadcasts;
}

async function demandKeys(tx: Tx, boardKey: string, ids: Set<string>): Promise<Map<string, string>> {
  const rows = await tx.demand.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, number: true },
  });
  return new Map(rows.map((row) => [row.id, demandKey(boardKey, row.number)]));
}

/** A delivery names each (kind, sha) once; a sender repeating one must not break the unique key. */
function distinctEvents(events: PipelineEvent[]): PipelineEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    const identity = `${event.kind}:${event.sha ?? ""}`;
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
}

function releaseNote(event: PipelineEvent): string {
  const where = event.kind === "deploy" ? `deployed to ${event.environment}` : "released";
  const commit = event.sha ? `@${event.sha.slice(0, 12)}` : "";
  return clean(`Moved by the pipeline: ${event.repository}${commit} ${where}`).slice(0, 500);
}

/** PostgreSQL text cannot hold NUL characters. */
function clean(text: string): string {
  return text.replaceAll("\u0000", "");
}
