import type { TDemand } from "@tideway/contracts";
import { rankBetween } from "@tideway/domain";

/** A cell is one stage in one swim lane; its demands are listed top to bottom. */
export type Cells = Record<string, string[]>;

const CELL_PREFIX = "cell:";

export function cellIdOf(stageId: string, laneId: string): string {
  return `${CELL_PREFIX}${stageId}:${laneId}`;
}

export function isCellId(id: string): boolean {
  return id.startsWith(CELL_PREFIX);
}

export function cellOfDemand(demand: Pick<TDemand, "stageId" | "laneId">): string {
  return cellIdOf(demand.stageId, demand.laneId);
}

/** Rank keys compare bytewise (the database's COLLATE "C"); ties, which should not happen, by id. */
export function compareByRank(a: Pick<TDemand, "rank" | "id">, b: Pick<TDemand, "rank" | "id">): number {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every cell's demands in rank order, with an (empty) entry for every stage x lane. */
export function cellsFromDemands(
  demands: readonly TDemand[],
  stageIds: readonly string[],
  laneIds: readonly string[],
): Cells {
  const cells: Cells = {};
  for (const stageId of stageIds) for (const laneId of laneIds) cells[cellIdOf(stageId, laneId)] = [];
  const sorted = [...demands].sort(compareByRank);
  for (const demand of sorted) {
    const cellId = cellOfDemand(demand);
    const list = cells[cellId];
    if (list) list.push(demand.id);
    else cells[cellId] = [demand.id];
  }
  return cells;
}

/** Where `demand` belongs in `ids` (which must not contain it), by rank. */
function rankIndex(ids: readonly string[], demands: Record<string, TDemand>, demand: TDemand): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = demands[ids[middle] as string];
    if (other && compareByRank(other, demand) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Puts a demand in its cell at its rank, taking it out of the cell it was in.
 * Untouched cells keep their arrays, so only the cells that changed re-render.
 */
export function placeByRank(
  cells: Cells,
  demands: Record<string, TDemand>,
  previous: TDemand | undefined,
  next: TDemand,
): Cells {
  const target = cellOfDemand(next);
  if (
    previous &&
    cellOfDemand(previous) === target &&
    previous.rank === next.rank &&
    cells[target]?.includes(next.id)
  ) {
    return cells;
  }
  const result = withoutDemand(cells, next.id);
  const list = [...(result[target] ?? [])];
  list.splice(rankIndex(list, demands, next), 0, next.id);
  result[target] = list;
  return result;
}

/** Takes a demand out of whichever cell lists it. */
export function withoutDemand(cells: Cells, demandId: string): Cells {
  const result = { ...cells };
  for (const [cellId, ids] of Object.entries(cells)) {
    if (ids.includes(demandId)) result[cellId] = ids.filter((id) => id !== demandId);
  }
  return result;
}

/** Moves a demand from one cell's list into another's at `index` (while it is dragged). */
export function moveToCell(
  cells: Cells,
  demandId: string,
  fromCell: string,
  toCell: string,
  index: number,
): Cells {
  const toIds = cells[toCell] ?? [];
  return {
    ...cells,
    [fromCell]: (cells[fromCell] ?? []).filter((id) => id !== demandId),
    [toCell]: [...toIds.slice(0, index), demandId, ...toIds.slice(index)],
  };
}

export interface Placement {
  stageId: string;
  laneId: string;
  /** Put the demand just above this one... */
  beforeId?: string;
  /** ...or just below this one; neither: at the bottom of the cell. */
  afterId?: string;
}

/**
 * Places a demand where the user dropped it and gives it a rank between its new
 * neighbours, as the server will; the server's answer replaces the guess.
 */
export function placeAt(
  cells: Cells,
  demands: Record<string, TDemand>,
  demand: TDemand,
  placement: Placement,
): { cells: Cells; demand: TDemand } {
  const result = withoutDemand(cells, demand.id);
  const target = cellIdOf(placement.stageId, placement.laneId);
  const list = [...(result[target] ?? [])];
  let index = list.length;
  if (placement.beforeId && list.includes(placement.beforeId)) index = list.indexOf(placement.beforeId);
  else if (placement.afterId && list.includes(placement.afterId)) index = list.indexOf(placement.afterId) + 1;
  const above = index > 0 ? demands[list[index - 1] as string] : undefined;
  const below = demands[list[index] as string];
  list.splice(index, 0, demand.id);
  result[target] = list;
  return {
    cells: result,
    demand: {
      ...demand,
      stageId: placement.stageId,
      laneId: placement.laneId,
      rank: guessRank(above, below, demand),
    },
  };
}

function guessRank(above: TDemand | undefined, below: TDemand | undefined, demand: TDemand): string {
  try {
    return rankBetween(above?.rank ?? null, below?.rank ?? null);
  } catch {
    // Neighbours out of order (a concurrent change): keep the old key; the server's reply fixes it.
    return demand.rank;
  }
}

/** The neighbours to name in a move request, for a demand now at `index` of `ids`. */
export function neighboursAt(
  ids: readonly string[],
  demandId: string,
): { beforeId?: string; afterId?: string } {
  const index = ids.indexOf(demandId);
  const below = ids[index + 1];
  if (below) return { beforeId: below };
  const above = index > 0 ? ids[index - 1] : undefined;
  return above ? { afterId: above } : {};
}

/** The cell an id names: a cell id itself, or the cell that lists the demand. */
export function findCell(cells: Cells, id: string): string | undefined {
  if (isCellId(id)) return id in cells ? id : undefined;
  return Object.keys(cells).find((cellId) => cells[cellId]?.includes(id));
}

export function parseCellId(cellId: string): { stageId: string; laneId: string } | null {
  const [prefix, stageId, laneId] = cellId.split(":");
  if (`${prefix}:` !== CELL_PREFIX || !stageId || !laneId) return null;
  return { stageId, laneId };
}
