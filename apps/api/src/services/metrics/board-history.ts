import {
  type CodeSignal,
  type DemandFlow,
  type EpochMs,
  epochMs,
  type FlowEvent,
  type FlowStage,
} from "@tideway/domain";

/** What the metric functions read for one board (see packages/domain `flow-history.ts`). */
export interface BoardFlow {
  seq: number;
  stages: (FlowStage & { name: string })[];
  demands: DemandFlow[];
  /** Key and title for labelling charts, by demand id. */
  labels: Map<string, { key: string; title: string }>;
}

/** A Transition row as a flow event, with its id: the tie-break for equal times and the refresh cursor. */
export interface LoggedEvent extends FlowEvent {
  id: number;
}

export interface LoggedDemand extends DemandFlow {
  events: LoggedEvent[];
}

/**
 * A board's flow plus what it takes to bring it up to date from the log
 * without reading it all again. Built by `loadBoardHistory`, advanced by
 * `applyFlowChanges`; the cache in `board-flow-cache.ts` owns it.
 */
export interface BoardHistory {
  flow: BoardFlow;
  boardKey: string;
  /** The board's settings as of the last read (they change without touching the log). */
  settings: unknown;
  /** Database clock (epoch ms) of the snapshot the flow reflects. */
  readAt: number;
  maxTransitionId: number;
  transitionCount: number;
  demandById: Map<string, LoggedDemand>;
  numberById: Map<string, number>;
}

export interface StageRow {
  id: string;
  name: string;
  position: number;
  kind: FlowStage["kind"];
  boundary: FlowStage["boundary"];
}

export interface DemandRow {
  id: string;
  number: number;
  title: string;
  type: string;
  laneId: string;
}

export interface SignalRow {
  demandId: string;
  lastSubmissionAt: number | null;
  releasedAt: number | null;
}

export interface BoardRow {
  seq: number;
  key: string;
  settings: unknown;
  readAt: number;
}

export function emptyHistory(board: BoardRow, stages: StageRow[]): BoardHistory {
  return {
    flow: { seq: board.seq, stages, demands: [], labels: new Map() },
    boardKey: board.key,
    settings: board.settings,
    readAt: board.readAt,
    maxTransitionId: 0,
    transitionCount: 0,
    demandById: new Map(),
    numberById: new Map(),
  };
}

/** Adds a demand, or takes over its changed fields; `demands` stays in number order. */
export function upsertDemand(history: BoardHistory, row: DemandRow): LoggedDemand {
  const label = { key: `${history.boardKey}-${row.number}`, title: row.title };
  history.flow.labels.set(row.id, label);
  const known = history.demandById.get(row.id);
  if (known) {
    known.type = row.type;
    known.laneId = row.laneId;
    return known;
  }
  const demand: LoggedDemand = { id: row.id, type: row.type, laneId: row.laneId, events: [], code: null };
  const { demands } = history.flow;
  let index = demands.length;
  while (index > 0 && (history.numberById.get(demands[index - 1]?.id ?? "") ?? 0) > row.number) index--;
  demands.splice(index, 0, demand);
  history.demandById.set(row.id, demand);
  history.numberById.set(row.id, row.number);
  return demand;
}

export function setSignal(demand: LoggedDemand, signal: SignalRow | undefined): void {
  demand.code = signal ? codeSignal(signal) : null;
}

function codeSignal(row: SignalRow): CodeSignal {
  const at = (ms: number | null): EpochMs | null => (ms === null ? null : epochMs(ms));
  return { lastSubmissionAt: at(row.lastSubmissionAt), releasedAt: at(row.releasedAt) };
}

/** Events are kept in log order: by time, then by transition id. */
export const precedes = (a: LoggedEvent, b: LoggedEvent): boolean =>
  a.at < b.at || (a.at === b.at && a.id < b.id);

/** Inserts an event into an already ordered history; new events usually go last. */
export function insertEvent(events: LoggedEvent[], event: LoggedEvent): void {
  let index = events.length;
  while (index > 0 && precedes(event, events[index - 1] as LoggedEvent)) index--;
  events.splice(index, 0, event);
}

export function sortEvents(events: LoggedEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if (precedes(events[i] as LoggedEvent, events[i - 1] as LoggedEvent)) {
      events.sort((a, b) => a.at - b.at || a.id - b.id);
      return;
    }
  }
}
