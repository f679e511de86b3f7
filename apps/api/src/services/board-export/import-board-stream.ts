import { setImmediate as nextTurn } from "node:timers/promises";
import type { TImportBoardQuery, TImportBoardResult } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { transactionConnection } from "../../db/transaction-connection";
import { ImportedBoardWriter, type ImportTarget, keyTakenOr, ROWS_PER_STATEMENT } from "./import-board";
import { BoardExportReader, bodyTooLarge } from "./read-board-export";

/**
 * A streamed import's transaction also spans reading the body, so it may run
 * for as long as a 100 MiB upload takes over a slow link: 10 minutes is
 * 100 MiB at 170 kB/s. A client that stops sending is cut off sooner: its
 * session sits idle in the transaction, which PostgreSQL ends after 30 s
 * (SESSION_LIMITS.idleInTransactionMs); one batch of body (BATCH_BYTES)
 * must arrive within that.
 */
export const STREAMED_IMPORT_TRANSACTION = { maxWait: 5_000, timeout: 600_000 } as const;
/**
 * Body read between two writes: what is held at once is one batch of items
 * (about 500 transitions, or 200 demands with their descriptions), and a
 * 96 MiB export is some 400 batches. The writes go to the connection under
 * the transaction (transactionConnection), not through Prisma, whose debug
 * module keeps the parameters of its last few dozen raw statements: measured
 * on a 24 MiB import (live heap after a forced collection), 256 KiB batches
 * held 38 MB through Prisma, about 30 MB of it that history, and 11 MB past it.
 */
const BATCH_BYTES = 256 * 1024;

/** Ends the transaction when the document turns out bad mid-way (a rollback), the body still to be read. */
class DocumentRefused extends Error {}

/**
 * Imports a board export from a request body as it arrives (importBoard's
 * rules; see there): each batch of items is written inside one transaction
 * as soon as it is read and checked, with a turn of the event loop between
 * batches, so the server holds one batch, never the document, and other
 * requests are answered throughout. All or nothing: a problem anywhere in
 * the document (even in its last item) rolls back everything written and
 * answers 400 naming it; 413 past `limitBytes`.
 */
export async function importBoardStream(
  db: Db,
  importerId: string,
  body: AsyncIterable<Uint8Array>,
  overrides: TImportBoardQuery,
  limitBytes: number,
): Promise<TImportBoardResult> {
  const reader = new BoardExportReader();
  const feed = new BodyFeed(body, limitBytes, reader);
  // No connection is taken before there is something to write: a client that sends nothing holds none.
  await feed.readWhile(() => reader.writableItems === 0);
  if (feed.ended) reader.end();
  let key = overrides.key;
  try {
    if (reader.refused) throw new DocumentRefused();
    const exported = reader.board as NonNullable<typeof reader.board>;
    const target: ImportTarget = {
      key: overrides.key ?? exported.key,
      name: overrides.name ?? exported.name,
    };
    key = target.key;
    const { result } = await db.$transaction(async (tx) => {
      const writer = await ImportedBoardWriter.start(
        tx,
        importerId,
        exported,
        target,
        await transactionConnection(db, tx),
      );
      while (!feed.ended) {
        for (const batch of reader.takeWritable()) await writer.write(batch);
        // Other requests' turn before the next batch is read.
        await nextTurn();
        await feed.readWhile(
          () => reader.bytesSinceTake < BATCH_BYTES && reader.writableItems < ROWS_PER_STATEMENT,
        );
        if (reader.refused) throw new DocumentRefused();
      }
      // The last check (skeleton, references still waiting) before the last items and the commit.
      reader.end();
      for (const batch of reader.takeWritable()) await writer.write(batch);
      return writer.finish();
    }, STREAMED_IMPORT_TRANSACTION);
    return result;
  } catch (error) {
    if (!(error instanceof DocumentRefused)) throw keyTakenOr(error, key ?? "");
    // Rolled back; the rest of the body is read (nothing written) so the answer lists what else is wrong.
    await feed.readWhile(() => true);
    reader.end();
    throw new Error("a refused document always fails its end check");
  }
}

/** The body, chunk by chunk into the reader, counted against the route's limit. */
class BodyFeed {
  private readonly chunks: AsyncIterator<Uint8Array>;
  private bytes = 0;
  ended = false;

  constructor(
    body: AsyncIterable<Uint8Array>,
    private readonly limitBytes: number,
    private readonly reader: BoardExportReader,
  ) {
    this.chunks = body[Symbol.asyncIterator]();
  }

  /**
   * Feeds chunks while `more()` holds, until the body ends, with a turn of
   * the event loop after each: a chunk already received resolves `next()`
   * at once, without one, so a fast upload was read and checked a whole
   * batch (256 KiB, some 1,300 items) at a time while other requests waited.
   * A chunk is at most a socket read (64 KiB).
   */
  async readWhile(more: () => boolean): Promise<void> {
    while (!this.ended && more()) {
      const next = await this.chunks.next();
      if (next.done) {
        this.ended = true;
        return;
      }
      this.bytes += next.value.byteLength;
      if (this.bytes > this.limitBytes) throw bodyTooLarge(this.limitBytes);
      this.reader.write(next.value);
      await nextTurn();
    }
  }
}
