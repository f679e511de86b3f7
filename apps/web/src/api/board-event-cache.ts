import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { isDemandEvent, type TBoardEvent, ZBoardEvent } from "@tideway/contracts";
import { queryClient } from "./query-client";
import { queryKeys } from "./query-keys";

/** A burst of moves (a stand-up walking the board) becomes one refetch, this long after the last event... */
export const FLOW_QUIET_MS = 300;
/** ...but a steady stream of events still refetches at least this often. */
export const FLOW_MAX_WAIT_MS = 1_500;

/** What one board event means for the cached server state. */
export interface CacheEffects {
  /** Fetched again at once where a page shows them; otherwise the next visit fetches. */
  refetch: QueryKey[];
  /** Marked stale without fetching: their pages follow the board through the socket themselves. */
  markStale: QueryKey[];
  /** The board's history changed: everything computed from it (`queryKeys.boardFlow`) is stale. */
  flowChanged: boolean;
}

/**
 * The cache's reading of a board event (null: an event this client cannot read,
 * so anything of the board may have changed). The board page applies the
 * events themselves to its live board (features/board/board-live-store.ts);
 * here, the rest of what is cached about the board follows.
 */
export function cacheEffectsOf(boardId: string, event: TBoardEvent | null): CacheEffects {
  if (event === null) return { refetch: [queryKeys.board(boardId)], markStale: [], flowChanged: true };
  if (isDemandEvent(event)) {
    return { refetch: [], markStale: [queryKeys.boardSnapshot(boardId)], flowChanged: true };
  }
  switch (event.type) {
    case "comment.changed":
      return {
        refetch: [queryKeys.demandComments(event.payload.demandId)],
        markStale: [],
        flowChanged: false,
      };
    case "dependency.changed":
      return { refetch: [], markStale: [queryKeys.boardSnapshot(boardId)], flowChanged: false };
    case "settings.changed":
      return {
        refetch: [queryKeys.boardSnapshot(boardId), queryKeys.boardSettings(boardId)],
        markStale: [],
        flowChanged: true,
      };
    case "metrics.changed":
    case "portfolio.changed":
      return { refetch: [], markStale: [], flowChanged: true };
  }
}

/**
 * Applies `effects` to `client`, holding flow refetches back until a burst of
 * events is over (at most FLOW_MAX_WAIT_MS after its first event).
 */
export class BoardEventCache {
  readonly #client: QueryClient;
  readonly #bursts = new Map<string, { firstAt: number; timer: ReturnType<typeof setTimeout> }>();
  /** Per board: queries outside its keys computed from its flow, in the order pages followed them. */
  readonly #followers = new Map<string, { queryKeys: readonly QueryKey[] }[]>();

  constructor(client: QueryClient) {
    this.#client = client;
  }

  /** A `board:event` from the board's room, as received (it is parsed here). */
  eventArrived(boardId: string, raw: unknown): void {
    const parsed = ZBoardEvent.safeParse(raw);
    if (parsed.success && parsed.data.boardId !== boardId) return;
    this.apply(boardId, cacheEffectsOf(boardId, parsed.success ? parsed.data : null));
  }

  /** The room was (re)joined: events may have been missed since anything was fetched. */
  roomJoined(boardId: string): void {
    this.apply(boardId, { refetch: [], markStale: [queryKeys.boardSnapshot(boardId)], flowChanged: true });
  }

  /**
   * Refetches `followed` whenever the board's flow changes, in the same burst
   * as its own flow: for queries the cache cannot tie to the board by their
   * keys (a portfolio, computed from its business board and the team boards,
   * whose room is the business board's). Returns the function that stops.
   */
  followFlow(boardId: string, followed: readonly QueryKey[]): () => void {
    const follower = { queryKeys: followed };
    this.#followers.set(boardId, [...(this.#followers.get(boardId) ?? []), follower]);
    return () => {
      const rest = (this.#followers.get(boardId) ?? []).filter((other) => other !== follower);
      if (rest.length > 0) this.#followers.set(boardId, rest);
      else this.#followers.delete(boardId);
    };
  }

  apply(boardId: string, effects: CacheEffects): void {
    for (const queryKey of effects.refetch) void this.#client.invalidateQueries({ queryKey });
    for (const queryKey of effects.markStale)
      void this.#client.invalidateQueries({ queryKey, refetchType: "none" });
    if (effects.flowChanged) this.#flowChangedSoon(boardId);
  }

  #flowChangedSoon(boardId: string): void {
    const now = Date.now();
    const burst = this.#bursts.get(boardId);
    const firstAt = burst?.firstAt ?? now;
    clearTimeout(burst?.timer);
    const wait = Math.max(0, Math.min(FLOW_QUIET_MS, firstAt + FLOW_MAX_WAIT_MS - now));
    const timer = setTimeout(() => {
      this.#bursts.delete(boardId);
      void this.#refetchFlow(boardId);
    }, wait);
    this.#bursts.set(boardId, { firstAt, timer });
  }

  async #refetchFlow(boardId: string): Promise<void> {
    const followed = (this.#followers.get(boardId) ?? []).flatMap((follower) => follower.queryKeys);
    await Promise.all([queryKeys.boardFlow(boardId), ...followed].map((key) => this.#refetch(key)));
  }

  /**
   * Refetches what a page shows under `queryKey`. A request already in flight is not
   * cancelled (under a steady stream of events slow numbers would never arrive): it is
   * awaited, then asked again, since it may have been answered before the last event.
   */
  async #refetch(queryKey: QueryKey): Promise<void> {
    const inFlight = this.#client.getQueryCache().findAll({ queryKey, fetchStatus: "fetching" });
    await this.#client.invalidateQueries({ queryKey }, { cancelRefetch: false });
    if (inFlight.length === 0) return;
    await this.#client.refetchQueries({
      queryKey,
      type: "active",
      predicate: (query) => inFlight.includes(query),
    });
  }
}

/** The tab's: every board room on the page feeds it (api/board-room.ts). */
export const boardEventCache = new BoardEventCache(queryClient);
