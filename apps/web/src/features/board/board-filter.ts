import { type TDemand, type TDemandType, ZDemandType } from "@tideway/contracts";

/**
 * What the board's toolbar narrows the cards to. It lives in the URL, so a
 * filtered board can be reloaded, bookmarked and shared; it only hides cards,
 * never changes a count (stage and lane WIP always count the whole stage).
 */
export interface BoardFilter {
  /** Matched against the key and the title, case-insensitively; "" matches everything. */
  text: string;
  /** A member's user id, NO_OWNER for cards nobody owns, or null for anyone. */
  ownerId: string | null;
  type: TDemandType | null;
  laneId: string | null;
  blocked: boolean;
  pastSle: boolean;
}

export const NO_OWNER = "none";

export const NO_FILTER: BoardFilter = {
  text: "",
  ownerId: null,
  type: null,
  laneId: null,
  blocked: false,
  pastSle: false,
};

/** The URL's name for each part of the filter. */
const PARAM = {
  text: "q",
  ownerId: "owner",
  type: "type",
  laneId: "lane",
  blocked: "blocked",
  pastSle: "sle",
} as const satisfies Record<keyof BoardFilter, string>;

export function boardFilterFromParams(params: URLSearchParams): BoardFilter {
  const type = ZDemandType.safeParse(params.get(PARAM.type));
  return {
    text: params.get(PARAM.text) ?? "",
    ownerId: params.get(PARAM.ownerId) || null,
    type: type.success ? type.data : null,
    laneId: params.get(PARAM.laneId) || null,
    blocked: params.get(PARAM.blocked) === "1",
    pastSle: params.get(PARAM.pastSle) === "1",
  };
}

/** `params` with the filter's parts set (and parts that match everything removed); other params stay. */
export function paramsWithBoardFilter(params: URLSearchParams, filter: BoardFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  const values: Record<keyof BoardFilter, string | null> = {
    text: filter.text || null,
    ownerId: filter.ownerId,
    type: filter.type,
    laneId: filter.laneId,
    blocked: filter.blocked ? "1" : null,
    pastSle: filter.pastSle ? "1" : null,
  };
  for (const part of Object.keys(PARAM) as (keyof BoardFilter)[]) {
    const value = values[part];
    if (value === null) next.delete(PARAM[part]);
    else next.set(PARAM[part], value);
  }
  return next;
}

export function isFiltering(filter: BoardFilter): boolean {
  return (
    filter.text.trim() !== "" ||
    filter.ownerId !== null ||
    filter.type !== null ||
    filter.laneId !== null ||
    filter.blocked ||
    filter.pastSle
  );
}

/**
 * Whether a card shows under the filter. `pastSle` answers whether the card
 * is past the board's SLE (p85); it is asked only when that part is on.
 */
export function matchesBoardFilter(
  demand: TDemand,
  filter: BoardFilter,
  pastSle: (demand: TDemand) => boolean,
): boolean {
  const text = filter.text.trim().toLowerCase();
  if (text && !demand.key.toLowerCase().includes(text) && !demand.title.toLowerCase().includes(text))
    return false;
  if (filter.ownerId !== null && (demand.ownerId ?? NO_OWNER) !== filter.ownerId) return false;
  if (filter.type !== null && demand.type !== filter.type) return false;
  if (filter.laneId !== null && demand.laneId !== filter.laneId) return false;
  if (filter.blocked && !demand.blocked) return false;
  if (filter.pastSle && !pastSle(demand)) return false;
  return true;
}
