import { type QueryKey, QueryObserver } from "@tanstack/react-query";
import type { TBoardEvent } from "@tideway/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BoardEventCache, FLOW_MAX_WAIT_MS, FLOW_QUIET_MS } from "./board-event-cache";
import { createQueryClient } from "./query-client";
import { queryKeys } from "./query-keys";

const BOARD = "0a6f4c1e-8a43-4c52-9a4e-3b1f0e2d7c01";
const DEMAND_1 = "0a6f4c1e-8a43-4c52-9a4e-3b1f0e2d7c11";
const DEMAND_2 = "0a6f4c1e-8a43-4c52-9a4e-3b1f0e2d7c12";
const COMMENT = "0a6f4c1e-8a43-4c52-9a4e-3b1f0e2d7c21";
const OTHER_BOARD = "0a6f4c1e-8a43-4c52-9a4e-3b1f0e2d7c02";

const settingsChanged = (boardId: string, seq: number): TBoardEvent => ({
  seq,
  boardId,
  type: "settings.changed",
  payload: {},
});
const commentChanged = (seq: number, demandId: string): TBoardEvent => ({
  seq,
  boardId: BOARD,
  type: "comment.changed",
  payload: { demandId, commentId: COMMENT, change: "created" },
});
const metricsChanged = (seq: number): TBoardEvent => ({
  seq,
  boardId: BOARD,
  type: "metrics.changed",
  payload: {},
});

describe("board events in the query cache", () => {
  let client: ReturnType<typeof createQueryClient>;
  let cache: BoardEventCache;
  const stale = (key: QueryKey) => client.getQueryState(key)?.isInvalidated;

  beforeEach(() => {
    // The debounce is the subject here: the fake clock plays the seconds between events.
    vi.useFakeTimers();
    client = createQueryClient();
    cache = new BoardEventCache(client);
    for (const key of [
      queryKeys.boardSnapshot(BOARD),
      queryKeys.insights(BOARD),
      queryKeys.metrics(BOARD, "days=30"),
      queryKeys.members(BOARD),
      queryKeys.demandComments(DEMAND_1),
      queryKeys.demandComments(DEMAND_2),
      queryKeys.insights(OTHER_BOARD),
    ]) {
      client.setQueryData(key, "as fetched");
    }
  });

  afterEach(() => {
    client.clear();
    vi.useRealTimers();
  });

  it("marks what is computed from the board's history stale once a burst of events is over", () => {
    cache.eventArrived(BOARD, metricsChanged(1));
    vi.advanceTimersByTime(FLOW_QUIET_MS - 1);
    cache.eventArrived(BOARD, metricsChanged(2));
    vi.advanceTimersByTime(FLOW_QUIET_MS - 1);
    expect(stale(queryKeys.insights(BOARD))).toBe(false);

    vi.advanceTimersByTime(1);
    expect(stale(queryKeys.insights(BOARD))).toBe(true);
    expect(stale(queryKeys.metrics(BOARD, "days=30"))).toBe(true);
    expect(stale(queryKeys.members(BOARD))).toBe(false);
    expect(stale(queryKeys.insights(OTHER_BOARD))).toBe(false);
  });

  it("refetches what a page follows of the board's flow in the same burst, until it stops following", () => {
    const PORTFOLIO = queryKeys.portfolio("0a6f4c1e-8a43-4c52-9a4e-3b1f0e2d7c31");
    client.setQueryData(PORTFOLIO, "as fetched");
    const unfollow = cache.followFlow(BOARD, [PORTFOLIO]);
    cache.eventArrived(OTHER_BOARD, settingsChanged(OTHER_BOARD, 1));
    vi.advanceTimersByTime(FLOW_QUIET_MS);
    expect(stale(PORTFOLIO)).toBe(false);
    cache.eventArrived(BOARD, metricsChanged(1));
    vi.advanceTimersByTime(FLOW_QUIET_MS - 1);
    expect(stale(PORTFOLIO)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(stale(PORTFOLIO)).toBe(true);

    client.setQueryData(PORTFOLIO, "fetched again");
    unfollow();
    cache.eventArrived(BOARD, metricsChanged(2));
    vi.advanceTimersByTime(FLOW_QUIET_MS);
    expect(stale(queryKeys.insights(BOARD))).toBe(true);
    expect(stale(PORTFOLIO)).toBe(false);
  });

  it("does not wait for a steady stream of events to end", () => {
    for (let seq = 1; seq * (FLOW_QUIET_MS - 1) < FLOW_MAX_WAIT_MS; seq++) {
      cache.eventArrived(BOARD, metricsChanged(seq));
      vi.advanceTimersByTime(FLOW_QUIET_MS - 1);
    }
    vi.advanceTimersByTime(FLOW_QUIET_MS - 1);
    expect(stale(queryKeys.insights(BOARD))).toBe(true);
  });

  it("lets a refresh in flight finish instead of cancelling it, then asks again", async () => {
    const answers: ((data: string) => void)[] = [];
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.insights(BOARD),
      queryFn: () => new Promise<string>((resolve) => answers.push(resolve)),
    });
    const stop = observer.subscribe(() => {});
    expect(answers).toHaveLength(1);

    cache.eventArrived(BOARD, metricsChanged(1));
    await vi.advanceTimersByTimeAsync(FLOW_QUIET_MS);
    expect(answers).toHaveLength(1);
    answers[0]?.("answered before the event");
    await vi.advanceTimersByTimeAsync(0);
    expect(answers).toHaveLength(2);
    answers[1]?.("answered after the event");
    await vi.advanceTimersByTimeAsync(0);

    expect(observer.getCurrentResult().data).toBe("answered after the event");
    stop();
  });

  it("refetches only the thread a comment event names", () => {
    cache.eventArrived(BOARD, commentChanged(1, DEMAND_1));
    expect(stale(queryKeys.demandComments(DEMAND_1))).toBe(true);
    expect(stale(queryKeys.demandComments(DEMAND_2))).toBe(false);
    vi.runAllTimers();
    expect(stale(queryKeys.insights(BOARD))).toBe(false);
  });

  it("refetches the board and its settings after a settings change", () => {
    cache.eventArrived(BOARD, settingsChanged(BOARD, 1));
    expect(stale(queryKeys.boardSnapshot(BOARD))).toBe(true);
    expect(stale(queryKeys.members(BOARD))).toBe(true);
  });

  it("ignores an event for another board than the room's", () => {
    cache.eventArrived(BOARD, settingsChanged(OTHER_BOARD, 1));
    vi.runAllTimers();
    expect(stale(queryKeys.boardSnapshot(BOARD))).toBe(false);
    expect(stale(queryKeys.insights(OTHER_BOARD))).toBe(false);
  });

  it("treats an event it cannot read as a change to anything of the board", () => {
    cache.eventArrived(BOARD, { type: "from a newer server" });
    expect(stale(queryKeys.members(BOARD))).toBe(true);
    expect(stale(queryKeys.insights(BOARD))).toBe(true);
    expect(stale(queryKeys.insights(OTHER_BOARD))).toBe(false);
  });
});
