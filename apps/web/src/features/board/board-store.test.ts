import type { TBoard, TBoardEvent, TDemand, TStage } from "@tideway/contracts";
import { ranksAfter } from "@tideway/domain";
import { beforeEach, describe, expect, it } from "vitest";
import { createBoardStore } from "./board-store";
import { cellIdOf } from "./cell-order";
import { testDemand } from "./test-demand";

// The optimistic move overlay of the board store, as a state machine: each test
// builds its own store and its own board, and plays the server's answers
// (replies, reloads, socket events) in the order the test names.

const BOARD_ID = "board-1";
const LANE = "lane-1";
const [RANK_A, RANK_B, RANK_C] = ranksAfter(null, 3) as [string, string, string];
const TODO = cellIdOf("todo", LANE);
const DOING = cellIdOf("doing", LANE);
const REVIEW = cellIdOf("review", LANE);

function stage(id: string, position: number): TStage {
  return { id, name: id, position, kind: "active", wipLimit: null, wipPolicy: "soft", boundary: null };
}

function demand(id: string, rank: string): TDemand {
  return testDemand({ id, key: `TW-${id}`, title: `Demand ${id}`, stageId: "todo", laneId: LANE, rank });
}

/** The demand as the server describes it after a change: one version later. */
function changed(before: TDemand, changes: Partial<TDemand>): TDemand {
  return {
    ...before,
    ...changes,
    version: before.version + 1,
    updatedAt: `2026-01-05T10:0${before.version}:00.000Z`,
  };
}

function board(demands: TDemand[], seq: number): TBoard {
  return {
    id: BOARD_ID,
    key: "TW",
    name: "Team",
    role: "member",
    seq,
    stages: [stage("todo", 0), stage("doing", 1), stage("review", 2)],
    lanes: [{ id: LANE, name: "Default", position: 0, wipLimit: null, wipPolicy: "soft" }],
    criteria: [],
    demands,
    dependencies: [],
    members: [],
  };
}

function event(seq: number, type: "demand.moved" | "demand.updated", payload: TDemand): TBoardEvent {
  return { seq, boardId: BOARD_ID, type, payload: { demand: payload } };
}

const a = demand("a", RANK_A);
const b = demand("b", RANK_B);
const c = demand("c", RANK_C);

let store: ReturnType<typeof createBoardStore>;

/** Where the board shows each card: the cell lists, as the grid renders them. */
const cells = () => store.getState().cells;
const shown = (id: string) => store.getState().demands[id];
const pending = () => Object.keys(store.getState().pendingMoves).sort();
/** The user drops a card at the bottom of a stage: the move the request then sends. */
const drop = (demandId: string, stageId: string) =>
  store.getState().moveOptimistically(demandId, { stageId, laneId: LANE });
/** The move's reply arrives and the card shows it and nothing pending. */
function expectSettledIn(cell: string, demandId: string, expected: TDemand) {
  expect(shown(demandId)).toEqual(expected);
  expect(cells()[cell]).toContain(demandId);
  expect(pending()).not.toContain(demandId);
}

beforeEach(() => {
  store = createBoardStore();
  store.getState().open(BOARD_ID);
  store.getState().load(board([a, b, c], 10));
});

describe("board store: optimistic moves", () => {
  it("shows a move at once, before the server answers", () => {
    drop("a", "doing");

    expect(cells()[TODO]).toEqual(["b", "c"]);
    expect(cells()[DOING]).toEqual(["a"]);
    expect(shown("a")?.stageId).toBe("doing");
    expect(pending()).toEqual(["a"]);
  });

  it("settles a move to the server's reply", () => {
    drop("a", "doing");
    const reply = changed(a, { stageId: "doing" });
    store.getState().settleMove("a", reply);

    expectSettledIn(DOING, "a", reply);
  });

  it("rolls back exactly the refused move and keeps the other one in flight", () => {
    drop("a", "doing");
    drop("b", "doing");
    store.getState().rollbackMove("a");

    expect(shown("a")).toEqual(a);
    expect(cells()[TODO]).toEqual(["a", "c"]);
    expect(cells()[DOING]).toEqual(["b"]);
    expect(pending()).toEqual(["b"]);
  });

  it("settles two moves whose replies arrive in the other order, each to its own reply", () => {
    drop("a", "doing");
    drop("b", "review");
    const replyB = changed(b, { stageId: "review" });
    const replyA = changed(a, { stageId: "doing" });
    store.getState().settleMove("b", replyB);
    expect(pending()).toEqual(["a"]);
    expect(shown("a")?.stageId).toBe("doing");
    store.getState().settleMove("a", replyA);

    expect(shown("a")).toEqual(replyA);
    expect(shown("b")).toEqual(replyB);
    expect(cells()).toMatchObject({ [TODO]: ["c"], [DOING]: ["a"], [REVIEW]: ["b"] });
    expect(pending()).toEqual([]);
  });

  it("keeps the later version when a socket event overtakes the move's own reply", () => {
    drop("a", "doing");
    const reply = changed(a, { stageId: "doing" });
    // Someone renamed the card right after the move committed; their event comes first.
    const renamed = changed(reply, { title: "Renamed" });
    expect(store.getState().applyEvent(event(11, "demand.moved", reply))).toBe("applied");
    expect(store.getState().applyEvent(event(12, "demand.updated", renamed))).toBe("applied");
    expect(shown("a")?.stageId).toBe("doing");
    store.getState().settleMove("a", reply);

    expectSettledIn(DOING, "a", renamed);
  });

  it("ignores an event older than what a settled move showed", () => {
    drop("a", "doing");
    const reply = changed(a, { stageId: "doing" });
    store.getState().settleMove("a", reply);
    store.getState().applyDemand(a);

    expect(shown("a")).toEqual(reply);
    expect(cells()[DOING]).toEqual(["a"]);
  });

  it("applies an event for another card while a move is pending, and leaves the pending card where it was dropped", () => {
    drop("a", "doing");
    const movedC = changed(c, { stageId: "review" });
    expect(store.getState().applyEvent(event(11, "demand.moved", movedC))).toBe("applied");

    expect(shown("c")).toEqual(movedC);
    expect(cells()).toMatchObject({ [TODO]: ["b"], [DOING]: ["a"], [REVIEW]: ["c"] });
    expect(pending()).toEqual(["a"]);
    expect(store.getState().pendingMoves.a).toEqual(a);
  });

  it("keeps a pending move through a board reload, then settles to the server's truth", () => {
    drop("a", "doing");
    // The reload was answered before the move committed: it still has the card in To do.
    const renamedB = changed(b, { title: "Renamed" });
    store.getState().load(board([a, renamedB, c], 11));
    expect(shown("a")?.stageId).toBe("doing");
    expect(cells()).toMatchObject({ [TODO]: ["b", "c"], [DOING]: ["a"] });
    expect(shown("b")).toEqual(renamedB);
    expect(pending()).toEqual(["a"]);

    const reply = changed(a, { stageId: "doing" });
    store.getState().settleMove("a", reply);
    expect(shown("a")).toEqual(reply);
    expect(cells()).toMatchObject({ [TODO]: ["b", "c"], [DOING]: ["a"] });
    expect(pending()).toEqual([]);
  });

  it.each([
    ["a socket event", (newer: TDemand) => store.getState().applyEvent(event(11, "demand.moved", newer))],
    ["a board reload", (newer: TDemand) => store.getState().load(board([newer, b, c], 11))],
  ])(
    "rolls a refused move back to the newer state %s brought meanwhile, not to the state before the drag",
    (_, arrive) => {
      drop("a", "doing");
      const movedByOthers = changed(a, { stageId: "review" });
      arrive(movedByOthers);
      expect(cells()[DOING]).toEqual(["a"]);
      store.getState().rollbackMove("a");

      expect(shown("a")).toEqual(movedByOthers);
      expect(cells()).toMatchObject({ [TODO]: ["b", "c"], [DOING]: [], [REVIEW]: ["a"] });
    },
  );

  it("does not bring back a card archived while its move was in flight", () => {
    drop("a", "doing");
    const reply = changed(a, { stageId: "doing" });
    const archived = changed(reply, { archivedAt: "2026-01-05T10:30:00.000Z" });
    store.getState().applyEvent(event(11, "demand.updated", archived));
    expect(shown("a")).toBeUndefined();
    store.getState().settleMove("a", reply);

    expect(shown("a")).toBeUndefined();
    expect(Object.values(cells()).flat()).not.toContain("a");
  });

  it("does not bring back a card a reload no longer has when its move's reply arrives", () => {
    drop("a", "doing");
    store.getState().load(board([b, c], 12));
    store.getState().settleMove("a", changed(a, { stageId: "doing" }));

    expect(shown("a")).toBeUndefined();
    expect(Object.values(cells()).flat()).not.toContain("a");
  });

  it("holds events in sequence: a gap asks for a reload, a repeat is stale", () => {
    const movedC = changed(c, { stageId: "review" });
    expect(store.getState().applyEvent(event(12, "demand.moved", movedC))).toBe("gap");
    expect(store.getState().applyEvent(event(10, "demand.moved", movedC))).toBe("stale");
    expect(shown("c")).toEqual(c);
  });
});
