import { firstPlace, locatePlace, type StandupPlace, type StandupStep, stepStandup } from "@tideway/domain";
import { create } from "../../ui/create-store";
import { useBoardStore } from "../board/board-store";
import { currentWalk } from "./standup-walk";

/** A demand that changed stage while the stand-up ran: every stage it was in, first to last. */
export interface StandupMove {
  demandId: string;
  stageIds: string[];
  at: number;
}

interface StandupState {
  boardId: string | null;
  startedAt: number;
  /** Null until the board has loaded. */
  place: StandupPlace | null;
  /** Each visited stage's cards in the order first shown, so the walk does not reshuffle under people. */
  seen: Record<string, string[]>;
  moves: StandupMove[];
  lastMove: StandupMove | null;
  /** The demand whose block reason is being asked for. */
  blocking: string | null;

  begin: (boardId: string) => void;
  end: () => void;
  /** Puts the walk on its first card once the board is there. */
  arrive: () => void;
  go: (step: StandupStep) => void;
  finish: () => void;
  restart: () => void;
  askBlockReason: (demandId: string) => void;
  closeBlockReason: () => void;
}

export const useStandup = create<StandupState>()((set, get) => {
  function walk() {
    const board = useBoardStore.getState();
    return currentWalk(board.stages, board.demands, get().seen);
  }

  /** Moves to `place`, remembering the order of a stage seen for the first time. */
  function land(place: StandupPlace) {
    const { seen } = get();
    if (place.kind === "card" && !seen[place.stageId]) {
      const column = walk().find((c) => c.stageId === place.stageId);
      set({ place, seen: { ...seen, [place.stageId]: column?.demandIds ?? [] } });
    } else {
      set({ place });
    }
  }

  return {
    boardId: null,
    startedAt: Date.now(),
    place: null,
    seen: {},
    moves: [],
    lastMove: null,
    blocking: null,

    begin: (boardId) => {
      if (get().boardId === boardId) return;
      set({
        boardId,
        startedAt: Date.now(),
        place: null,
        seen: {},
        moves: [],
        lastMove: null,
        blocking: null,
      });
    },

    end: () => set({ boardId: null, place: null, seen: {}, moves: [], lastMove: null, blocking: null }),

    arrive: () => {
      const board = useBoardStore.getState();
      if (get().place !== null || board.status !== "ready" || board.boardId !== get().boardId) return;
      land(firstPlace(walk()));
    },

    go: (step) => {
      const { place } = get();
      if (place) land(stepStandup(walk(), place, step));
    },

    finish: () => {
      if (get().place) set({ place: { kind: "summary" } });
    },

    restart: () => {
      if (!get().place) return;
      set({ seen: {} });
      land(firstPlace(walk()));
    },

    askBlockReason: (demandId) => set({ blocking: demandId }),
    closeBlockReason: () => set({ blocking: null }),
  };
});

/** The card the walk shows now: the focused one, or the one now at its place if it moved away. */
export function focusedDemandId(): string | null {
  const { place, seen } = useStandup.getState();
  if (!place) return null;
  const board = useBoardStore.getState();
  const walk = currentWalk(board.stages, board.demands, seen);
  const at = locatePlace(walk, place);
  return at ? (walk[at.stageIndex]?.demandIds[at.cardIndex] ?? null) : null;
}

/**
 * Records every change of stage the board store takes in while the
 * stand-up runs (live events and catch-up reloads alike), for the ticker
 * and the closing summary. Returns the unsubscribe function.
 */
export function trackMoves(): () => void {
  return useBoardStore.subscribe((board, previous) => {
    const standup = useStandup.getState();
    if (board.demands === previous.demands || board.boardId !== standup.boardId) return;
    if (board.status !== "ready" || previous.status !== "ready" || previous.boardId !== board.boardId) return;
    let { moves, lastMove } = standup;
    for (const demand of Object.values(board.demands)) {
      const before = previous.demands[demand.id];
      if (!before || before.stageId === demand.stageId) continue;
      const earlier = moves.find((move) => move.demandId === demand.id);
      const move: StandupMove = {
        demandId: demand.id,
        stageIds: [...(earlier?.stageIds ?? [before.stageId]), demand.stageId],
        at: Date.now(),
      };
      moves = earlier ? moves.map((m) => (m === earlier ? move : m)) : [...moves, move];
      lastMove = move;
    }
    if (moves !== standup.moves) useStandup.setState({ moves, lastMove });
  });
}
