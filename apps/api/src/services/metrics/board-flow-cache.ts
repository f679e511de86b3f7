import type { Db } from "../../db/prisma";
import type { BoardHistory } from "./board-history";
import { loadBoardHistory } from "./load-board-flow";
import { applyFlowChanges, readFlowChanges } from "./read-flow-changes";

/**
 * Longer than any transaction that writes to a board may run (the API's
 * write transactions time out after 15 s), with room for clock differences
 * between API hosts and the database.
 */
const SETTLE_MS = 60_000;
/** How often the cached log is counted against the table (in the background). */
const VERIFY_EVERY_MS = 5 * 60_000;
export const MAX_CACHED_BOARDS = 50;

/** The largest transition id in the history after a read, and the database time of that read. */
interface Checkpoint {
  readAt: number;
  maxId: number;
}

interface CachedBoard {
  history: BoardHistory;
  /** Every transition with an id at or below this is in the history. */
  floor: number;
  /** The ids above `floor` the history holds: the refresh reads past `floor` and skips these. */
  recentIds: Set<number>;
  checkpoints: Checkpoint[];
  verifiedAt: number;
  verifying: boolean;
  /** The refresh under way, and the one queued behind it (which later callers share). */
  running: Promise<void>;
  queued: Promise<void> | null;
  stats: BoardFlowCacheStats;
}

export interface BoardFlowCacheStats {
  fullLoads: number;
  refreshes: number;
  /** Refreshes that had to scan recent edits and pipeline events (see `readFlowChanges`). */
  unexplainedRefreshes: number;
  transitionsRead: number;
  verifications: number;
  /** Verifications that found the cached log short and dropped it. */
  mismatches: number;
}

const boards = new Map<string, Promise<CachedBoard>>();

/**
 * A board's flow history, brought up to date with the log before it is
 * returned. The first call for a board reads the whole history; later calls
 * read only what changed since (`readFlowChanges`), so a dashboard that
 * refreshes after every move reads a handful of rows, not the whole log.
 *
 * Transition ids come from one sequence but commit out of order: a move
 * that took id 10 can commit after one that took id 11. So each refresh
 * reads again every id above a floor that lags one settling period behind,
 * and skips the ids it already holds. The floor is the largest id held
 * after a read taken at least SETTLE_MS before the previous read: every
 * transaction that had taken an id up to it had finished (committed or
 * rolled back) by that previous read, so the history holds all of them.
 * Right after the full read there is no such earlier read, so the floor
 * starts at the largest id read; a background count of the log up to the
 * floor, once the settling period has passed and every few minutes after,
 * drops the history for a full read should anything be missing.
 */
export async function cachedBoardHistory(db: Db, boardId: string): Promise<BoardHistory> {
  const loading = boards.get(boardId) ?? loadCachedBoard(db, boardId);
  // Map order is use order: the least recently used board is dropped first.
  boards.delete(boardId);
  boards.set(boardId, loading);
  loading.catch(() => forget(boardId, loading));
  if (boards.size > MAX_CACHED_BOARDS) {
    const oldest = boards.keys().next().value;
    if (oldest !== undefined) boards.delete(oldest);
  }
  const cached = await loading;
  await refresh(db, boardId, cached);
  verifyWhenDue(db, boardId, cached);
  return cached.history;
}

/**
 * The same history for a background job that reads many boards in turn (the
 * SLE sweep): cached as usual while the cache has room, but once it is full a
 * board not in it is read whole and not kept, so a sweep over more than
 * MAX_CACHED_BOARDS boards does not push out the boards people have open.
 */
export async function boardHistoryPassingThrough(db: Db, boardId: string): Promise<BoardHistory> {
  if (boards.has(boardId) || boards.size < MAX_CACHED_BOARDS) return cachedBoardHistory(db, boardId);
  return loadBoardHistory(db, boardId);
}

/** How the cache has served a board so far; for tests and the benchmark. */
export async function boardFlowCacheStats(boardId: string): Promise<BoardFlowCacheStats | null> {
  const cached = await boards.get(boardId)?.catch(() => null);
  return cached ? { ...cached.stats } : null;
}

/**
 * Counts the board's transitions up to the floor and compares with the
 * history; on a mismatch the history is dropped, and the next call reads it
 * in full. Resolves to whether they matched.
 */
export async function verifyBoardFlowCache(db: Db, boardId: string): Promise<boolean> {
  const loading = boards.get(boardId);
  const cached = await loading?.catch(() => null);
  if (!loading || !cached) return true;
  cached.verifying = true;
  cached.verifiedAt = cached.history.readAt;
  cached.stats.verifications++;
  const floor = cached.floor;
  const expected = cached.history.transitionCount - cached.recentIds.size;
  try {
    const [row] = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM transitions WHERE board_id = ${boardId}::uuid AND id <= ${floor}::int8`;
    const matches = Number(row?.count ?? 0) === expected;
    if (!matches) {
      cached.stats.mismatches++;
      forget(boardId, loading);
    }
    return matches;
  } finally {
    cached.verifying = false;
  }
}

async function loadCachedBoard(db: Db, boardId: string): Promise<CachedBoard> {
  const history = await loadBoardHistory(db, boardId);
  return {
    history,
    floor: history.maxTransitionId,
    recentIds: new Set(),
    checkpoints: [{ readAt: history.readAt, maxId: history.maxTransitionId }],
    verifiedAt: history.readAt - VERIFY_EVERY_MS + SETTLE_MS,
    verifying: false,
    running: Promise.resolve(),
    queued: null,
    stats: {
      fullLoads: 1,
      refreshes: 0,
      unexplainedRefreshes: 0,
      transitionsRead: history.transitionCount,
      verifications: 0,
      mismatches: 0,
    },
  };
}

/** Refreshes run one at a time per board; callers that arrive while one runs share the next. */
function refresh(db: Db, boardId: string, cached: CachedBoard): Promise<void> {
  if (cached.queued) return cached.queued;
  const next = cached.running.then(() => {
    cached.queued = null;
    return readChanges(db, boardId, cached);
  });
  cached.queued = next;
  cached.running = next.catch(() => {});
  return next;
}

async function readChanges(db: Db, boardId: string, cached: CachedBoard): Promise<void> {
  const { history } = cached;
  raiseFloor(cached);
  const changes = await readFlowChanges(db, boardId, {
    floor: cached.floor,
    knownIds: [...cached.recentIds],
    seq: history.flow.seq,
    since: history.readAt - SETTLE_MS,
  });
  applyFlowChanges(history, changes);
  for (const transition of changes.transitions) cached.recentIds.add(transition.id);
  const last = cached.checkpoints.at(-1);
  if (!last || history.maxTransitionId > last.maxId) {
    cached.checkpoints.push({ readAt: history.readAt, maxId: history.maxTransitionId });
  }
  cached.stats.refreshes++;
  cached.stats.transitionsRead += changes.transitions.length;
  if (changes.unexplained) cached.stats.unexplainedRefreshes++;
}

/** Moves the floor to the newest checkpoint taken at least SETTLE_MS before the last read. */
function raiseFloor(cached: CachedBoard): void {
  const settledBefore = cached.history.readAt - SETTLE_MS;
  let settled = -1;
  for (let i = 0; i < cached.checkpoints.length; i++) {
    if ((cached.checkpoints[i]?.readAt ?? Number.POSITIVE_INFINITY) <= settledBefore) settled = i;
  }
  if (settled < 0) return;
  const floor = cached.checkpoints[settled]?.maxId ?? cached.floor;
  cached.checkpoints.splice(0, settled);
  if (floor <= cached.floor) return;
  cached.floor = floor;
  for (const id of cached.recentIds) if (id <= floor) cached.recentIds.delete(id);
}

function verifyWhenDue(db: Db, boardId: string, cached: CachedBoard): void {
  if (cached.verifying || cached.history.readAt - cached.verifiedAt < VERIFY_EVERY_MS) return;
  // In the background: a failed count only delays the next one.
  verifyBoardFlowCache(db, boardId).catch(() => {});
}

function forget(boardId: string, loading: Promise<CachedBoard>): void {
  if (boards.get(boardId) === loading) boards.delete(boardId);
}
