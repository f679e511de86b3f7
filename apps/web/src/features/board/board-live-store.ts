import { type TBoardEvent, ZBoardEvent } from "@tideway/contracts";
import { ApiError } from "../../api/api-request";
import { subscribeToBoardRoom } from "../../api/board-room";
import { queryClient } from "../../api/query-client";
import { queryKeys } from "../../api/query-keys";
import { translate } from "../../i18n/intl";
import { create } from "../../ui/create-store";
import { notify } from "../../ui/notice-stack";
import { fetchBoard } from "./board-api";
import { boardMissingSentence, boardMissingStatus } from "./board-load-failure";
import { useBoardStore } from "./board-store";
import { fetchDependencies } from "./dependency-api";

type LiveStatus = "offline" | "connecting" | "live";

interface BoardLiveState {
  status: LiveStatus;
  /** Joins the board's room and keeps the board store in step with the server. */
  connect: (boardId: string) => void;
  disconnect: () => void;
  /** Fetches the whole board again (after a gap, a reconnect, a settings change). */
  refresh: () => Promise<void>;
}

const MAX_CATCH_UP_FETCHES = 3;

/** Leaves the board's live room. */
let leaveRoom: (() => void) | null = null;
let boardId: string | null = null;
/** Events that arrived while the board was loading or a card was being dragged. */
let held: TBoardEvent[] = [];
let fetching: Promise<void> | null = null;
let fetchAgain = false;
/** The board's sequence number when the room was joined: the loaded board must be at least this new. */
let joinedSeq = 0;
let joinedBefore = false;

export const useBoardLive = create<BoardLiveState>()((set) => ({
  status: "offline",

  connect: (id) => {
    if (boardId === id && leaveRoom) return;
    useBoardLive.getState().disconnect();
    boardId = id;
    useBoardStore.getState().open(id);
    void useBoardLive.getState().refresh();

    set({ status: "connecting" });
    leaveRoom = subscribeToBoardRoom(id, {
      joined: (seq) => joined(seq, set),
      refused: (message) => {
        set({ status: "offline" });
        // Without a board on the page, the page itself says why.
        if (useBoardStore.getState().status === "ready") notify(message);
      },
      offline: () => set({ status: "offline" }),
      reconnecting: () => set({ status: "connecting" }),
      event: (raw) => receive(raw),
    });
  },

  disconnect: () => {
    leaveRoom?.();
    leaveRoom = null;
    boardId = null;
    held = [];
    joinedSeq = 0;
    joinedBefore = false;
    set({ status: "offline" });
  },

  refresh: () => {
    if (fetching) {
      fetchAgain = true;
      return fetching;
    }
    fetching = fetchUntilCurrent().finally(() => {
      fetching = null;
      releaseHeld();
    });
    return fetching;
  },
}));

function joined(seq: number, set: (state: Partial<BoardLiveState>) => void): void {
  set({ status: "live" });
  joinedSeq = seq;
  // After a reconnect anything may have been missed; on the first join only if the board is
  // older than the room, or could not be loaded (the server answers again now).
  const board = useBoardStore.getState();
  if (joinedBefore || board.status === "failed" || (board.status === "ready" && board.seq < joinedSeq)) {
    void useBoardLive.getState().refresh();
  }
  joinedBefore = true;
}

function receive(raw: unknown): void {
  const parsed = ZBoardEvent.safeParse(raw);
  if (!parsed.success) {
    // An event this client cannot read: catch up from the board itself.
    void useBoardLive.getState().refresh();
    return;
  }
  const event = parsed.data;
  if (event.boardId !== boardId) return;
  if (
    fetching ||
    useBoardStore.getState().dragSnapshot !== null ||
    useBoardStore.getState().status !== "ready"
  ) {
    held.push(event);
    return;
  }
  apply(event);
}

function apply(event: TBoardEvent): void {
  const outcome = useBoardStore.getState().applyEvent(event);
  if (outcome === "gap" || outcome === "reload") void useBoardLive.getState().refresh();
  if (outcome === "applied" && event.type === "dependency.changed")
    refreshDependencies(event.payload.demandId);
}

/** The event names the demand only: what a viewer may see of the other demand differs by viewer. */
function refreshDependencies(demandId: string): void {
  const id = boardId;
  void queryClient
    .fetchQuery({
      queryKey: queryKeys.demandDependencies(demandId),
      queryFn: () => fetchDependencies(demandId),
    })
    .then((dependencies) => {
      if (boardId === id) useBoardStore.getState().setDependenciesOf(demandId, dependencies);
    })
    .catch(() => {});
}

async function fetchUntilCurrent(): Promise<void> {
  const id = boardId;
  if (!id) return;
  for (let attempt = 0; attempt < MAX_CATCH_UP_FETCHES; attempt++) {
    fetchAgain = false;
    try {
      // Through the cache, so the portfolio and the dashboard read the same snapshot.
      const board = await queryClient.fetchQuery({
        queryKey: queryKeys.boardSnapshot(id),
        queryFn: () => fetchBoard(id),
      });
      if (boardId !== id) return;
      await dragFinished();
      if (boardId !== id) return;
      useBoardStore.getState().load(board);
    } catch (error) {
      const missing = error instanceof ApiError && boardMissingStatus(error.status);
      const message = missing
        ? boardMissingSentence()
        : error instanceof ApiError
          ? error.message
          : translate("board.loadFailed");

      // A 4xx (not found, no longer a member) stays so; anything else may pass.
      const retryable = !(error instanceof ApiError && error.status >= 400 && error.status < 500);
      if (useBoardStore.getState().status === "ready") notify(message);
      else useBoardStore.getState().fail(message, retryable);
      return;
    }
    if (!fetchAgain && useBoardStore.getState().seq >= joinedSeq) return;
  }
}

/** Replaces the board only between drags: reloading under a dragged card would drop it. */
function dragFinished(): Promise<void> {
  if (useBoardStore.getState().dragSnapshot === null) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useBoardStore.subscribe((state) => {
      if (state.dragSnapshot === null) {
        stop();
        resolve();
      }
    });
  });
}

function releaseHeld(): void {
  const events = held.sort((a, b) => a.seq - b.seq);
  held = [];
  for (const [index, event] of events.entries()) {
    if (fetching || useBoardStore.getState().dragSnapshot !== null) {
      held.push(...events.slice(index));
      return;
    }
    apply(event);
  }
}

// Events held back during a drag are applied as soon as the card is dropped.
useBoardStore.subscribe((state, previous) => {
  if (previous.dragSnapshot !== null && state.dragSnapshot === null && !fetching) releaseHeld();
});
