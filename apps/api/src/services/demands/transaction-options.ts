/**
 * Interactive transactions wait at most 5 s for a connection and may run for
 * 15 s: far above a move's few milliseconds, so a slow moment never aborts a
 * healthy write, yet a stuck one cannot hold row locks for long.
 */
export const TRANSACTION_OPTIONS = { maxWait: 5_000, timeout: 15_000 } as const;

/**
 * Limits every database session enforces itself (see db/prisma.ts).
 * - A statement waits at most 5 s for a row lock, well inside the transaction
 *   timeout. Prisma's timeout cannot interrupt a statement that waits for a
 *   lock: it queues its ROLLBACK behind it. So the lock wait must end first,
 *   with an error the caller sees as 503 DATABASE_BUSY, rather than leave the
 *   request hanging for as long as someone else holds the lock.
 * - A session idle inside a transaction for 30 s is closed by PostgreSQL, so a
 *   connection that a fault leaves in an open transaction cannot keep its
 *   locks. Only idle time counts: the imports' longer transactions (60 s and
 *   300 s) are busy sending statements, and no transaction waits 30 s between
 *   two of them.
 * - A statement runs at most 60 s (statement_timeout: answered 503
 *   DATABASE_BUSY), and the client gives up on a reply after 65 s
 *   (node-postgres' query_timeout), so a frozen server, which cannot enforce
 *   its own timeout, still cannot hang a request. The slowest statements
 *   (a large import's chunks, bench/board-export.ts) take seconds.
 */
export const SESSION_LIMITS = {
  lockTimeoutMs: 5_000,
  idleInTransactionMs: 30_000,
  statementTimeoutMs: 60_000,
  queryTimeoutMs: 65_000,
} as const;
