import type {
  TBoard,
  TBoardEvent,
  TBoardRole,
  TCriterion,
  TDemand,
  TDependency,
  TLane,
  TStage,
} from "@tideway/contracts";
import type { StateCreator } from "zustand";
import { createStore } from "zustand/vanilla";
import { create } from "../../ui/create-store";
import {
  type Cells,
  cellsFromDemands,
  type Placement,
  placeAt,
  placeByRank,
  withoutDemand,
} from "./cell-order";

export type EventOutcome = "applied" | "stale" | "gap" | "reload";

/**
 * The board page's live board: the snapshot the server sent (fetched through
 * the query cache, see board-live-store.ts), the socket's events applied in
 * sequence, and on top of them what only this tab knows: moves sent and not yet
 * answered (the optimistic overlay), the drag in progress, the cells opened.
 */
export interface BoardState {
  boardId: string | null;
  status: "idle" | "loading" | "ready" | "failed";
  failure: string | null;
  /** Whether asking again may help (the server was unreachable or busy), unlike a 404. */
  retryable: boolean;
  key: string;
  name: string;
  role: TBoardRole;
  members: TBoard["members"];
  /** Sequence number of the last change this client has applied. */
  seq: number;
  stages: TStage[];
  lanes: TLane[];
  criteria: TCriterion[];
  demands: Record<string, TDemand>;
  /** What the board's demands wait on, as this viewer may see it. */
  dependencies: TDependency[];
  cells: Cells;
  /** Moves sent and not yet answered, each with the demand as the server last described it. */
  pendingMoves: Record<string, TDemand>;
  /** The cells as they were when the current drag began; null when nothing is being dragged. */
  dragSnapshot: Cells | null;
  /** Crowded cells the user opened to show every card (see cell-window.ts). */
  expandedCells: Record<string, boolean>;

  open: (boardId: string) => void;
  load: (board: TBoard) => void;
  fail: (message: string, retryable: boolean) => void;
  /** A demand as the server describes it; older versions and echoes of what is shown are ignored. */
  applyDemand: (demand: TDemand) => void;
  removeDemand: (demandId: string) => void;
  applyEvent: (event: TBoardEvent) => EventOutcome;
  /** Replaces what one demand waits on (after a change here, or a `dependency.changed` event). */
  setDependenciesOf: (demandId: string, dependencies: TDependency[]) => void;

  beginDrag: () => void;
  /** Cell order while dragging (the card follows the pointer from cell to cell). */
  dragCells: (cells: Cells) => void;
  /** Puts every cell back as it was when the drag began. */
  endDrag: () => void;
  expandCell: (cellId: string, expanded: boolean) => void;

  moveOptimistically: (demandId: string, placement: Placement) => void;
  settleMove: (demandId: string, demand: TDemand) => void;
  rollbackMove: (demandId: string) => void;
}

const emptyBoard = {
  key: "",
  name: "",
  role: "viewer" as TBoardRole,
  members: [],
  seq: 0,
  stages: [],
  lanes: [],
  criteria: [],
  demands: {},
  dependencies: [],
  cells: {},
  pendingMoves: {},
  dragSnapshot: null,
  expandedCells: {},
};

const byPosition = <T extends { position: number }>(a: T, b: T) => a.position - b.position;

const boardState: StateCreator<BoardState> = (set, get) => ({
  boardId: null,
  status: "idle",
  failure: null,
  retryable: false,
  ...emptyBoard,

  open: (boardId) => {
    if (get().boardId === boardId && get().status !== "failed") return;
    set({ boardId, status: "loading", failure: null, ...emptyBoard });
  },

  load: (board) => {
    if (board.id !== get().boardId) return;
    const stages = [...board.stages].sort(byPosition);
    const lanes = [...board.lanes].sort(byPosition);
    const demands: Record<string, TDemand> = {};
    for (const demand of board.demands) demands[demand.id] = demand;
    let cells = cellsFromDemands(
      board.demands,
      stages.map((stage) => stage.id),
      lanes.map((lane) => lane.id),
    );
    // A move still in flight stays where the user dropped it until the server answers.
    const pendingMoves: Record<string, TDemand> = {};
    for (const [demandId, optimistic] of Object.entries(get().pendingMoves)) {
      const fresh = demands[demandId];
      if (!fresh) continue;
      const shown = get().demands[demandId] ?? optimistic;
      pendingMoves[demandId] = fresh;
      cells = placeByRank(cells, demands, fresh, shown);
      demands[demandId] = shown;
    }
    set({
      status: "ready",
      failure: null,
      key: board.key,
      name: board.name,
      role: board.role,
      members: board.members,
      seq: board.seq,
      stages,
      lanes,
      criteria: [...board.criteria].sort(byPosition),
      demands,
      dependencies: board.dependencies,
      cells,
      pendingMoves,
    });
  },

  fail: (message, retryable) => set({ status: "failed", failure: message, retryable }),

  applyDemand: (demand) => {
    const { demands, cells, pendingMoves } = get();
    const pending = pendingMoves[demand.id];
    if (pending) {
      // Keep showing the drop; remember the newer server state in case the move is refused.
      if (demand.version > pending.version) set({ pendingMoves: { ...pendingMoves, [demand.id]: demand } });
      return;
    }
    const current = demands[demand.id];
    if (current && (current.version > demand.version || sameState(current, demand))) return;
    const nextDemands = { ...demands, [demand.id]: demand };
    set({ demands: nextDemands, cells: placeByRank(cells, nextDemands, current, demand) });
  },

  removeDemand: (demandId) => {
    const { [demandId]: _removed, ...demands } = get().demands;
    const { [demandId]: _pending, ...pendingMoves } = get().pendingMoves;
    set({ demands, pendingMoves, cells: withoutDemand(get().cells, demandId) });
  },

  applyEvent: (event) => {
    const { seq } = get();
    if (event.seq <= seq) return "stale";
    if (event.seq > seq + 1) return "gap";
    set({ seq: event.seq });
    switch (event.type) {
      case "demand.created":
      case "demand.updated":
      case "demand.moved":
      case "demand.blocked":
      case "demand.unblocked":
        // An archived demand leaves the board for everyone watching it.
        if (event.payload.demand.archivedAt !== null) get().removeDemand(event.payload.demand.id);
        else get().applyDemand(event.payload.demand);
        return "applied";
      // The board holds neither comments nor what a viewer may see of another board's
      // demand: the query cache (comments) and the live store (dependencies) follow these.
      case "comment.changed":
      case "dependency.changed":
        return "applied";
      case "settings.changed":
        return "reload";
      case "metrics.changed":
      case "portfolio.changed":
        return "applied";
    }
  },

  setDependenciesOf: (demandId, dependencies) =>
    set({
      dependencies: [
        ...get().dependencies.filter((dependency) => dependency.demandId !== demandId),
        ...dependencies,
      ],
    }),

  beginDrag: () => set({ dragSnapshot: get().cells }),
  dragCells: (cells) => set({ cells }),
  endDrag: () => {
    const snapshot = get().dragSnapshot;
    if (snapshot) set({ cells: snapshot, dragSnapshot: null });
  },

  expandCell: (cellId, expanded) => set({ expandedCells: { ...get().expandedCells, [cellId]: expanded } }),

  moveOptimistically: (demandId, placement) => {
    const { demands, cells, pendingMoves } = get();
    const demand = demands[demandId];
    if (!demand) return;
    const placed = placeAt(cells, demands, demand, placement);
    set({
      demands: { ...demands, [demandId]: placed.demand },
      cells: placed.cells,
      pendingMoves: { ...pendingMoves, [demandId]: pendingMoves[demandId] ?? demand },
    });
  },

  settleMove: (demandId, demand) => {
    const { [demandId]: base, ...pendingMoves } = get().pendingMoves;
    // The card left the board while its move was in flight (archived, or gone from a reload):
    // the reply, older than that news, must not bring it back.
    if (!base) return;
    const { demands, cells } = get();
    // A later change seen while the move was in flight wins over the move's own reply.
    const latest = base.version > demand.version ? base : demand;
    const nextDemands = { ...demands, [demandId]: latest };
    set({
      pendingMoves,
      demands: nextDemands,
      cells: placeByRank(cells, nextDemands, demands[demandId], latest),
    });
  },

  rollbackMove: (demandId) => {
    const { [demandId]: base, ...pendingMoves } = get().pendingMoves;
    if (!base) return;
    const { demands, cells } = get();
    const nextDemands = { ...demands, [demandId]: base };
    set({
      pendingMoves,
      demands: nextDemands,
      cells: placeByRank(cells, nextDemands, demands[demandId], base),
    });
  },
});

/** The page's board. */
export const useBoardStore = create<BoardState>()(boardState);

/** A board store of its own, for tests of its state machine. */
export function createBoardStore() {
  return createStore<BoardState>()(boardState);
}

/** An echo of what is already shown (same version, same last change): nothing to re-render. */
function sameState(current: TDemand, incoming: TDemand): boolean {
  return (
    current.version === incoming.version &&
    current.updatedAt === incoming.updatedAt &&
    current.stageId === incoming.stageId &&
    current.laneId === incoming.laneId &&
    current.checkedCriterionIds.length === incoming.checkedCriterionIds.length &&
    current.checkedCriterionIds.every((id) => incoming.checkedCriterionIds.includes(id))
  );
}
