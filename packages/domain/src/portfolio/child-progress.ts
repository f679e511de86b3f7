import { isDeliveredRank, type StageOrder } from "../stage-order";

/**
 * Where a product demand (a business demand's child on a team board) stands,
 * as the business card shows it: delivered (at or past its board's delivery
 * boundary), else blocked, else waiting (in a queue stage: nobody works on
 * it), else in progress.
 */
export type ChildState = "delivered" | "blocked" | "waiting" | "in-progress";

export function childState(order: StageOrder, stageId: string, blocked: boolean): ChildState {
  const rank = order.rankOf.get(stageId);
  if (rank === undefined) return "waiting";
  if (isDeliveredRank(order, rank)) return "delivered";
  if (blocked) return "blocked";
  return order.kindAt[rank] === "queue" ? "waiting" : "in-progress";
}

export interface ChildPlace {
  boardId: string;
  stageId: string;
  blocked: boolean;
}

/** One team's share of a business demand's children. */
export interface TeamProgress {
  boardId: string;
  total: number;
  delivered: number;
  blocked: number;
  waiting: number;
}

export interface ChildProgress {
  total: number;
  delivered: number;
  /** In the order the teams first appear among the children. */
  teams: TeamProgress[];
}

/**
 * "n of m delivered", overall and per team, with how many are blocked or
 * waiting. `orders` holds each team board's stage order; a child on a board
 * missing from it counts as waiting.
 *
 * Example: children on Payments in Done and in Testing (blocked), and on
 * Mobile in Selection: 1 of 3 delivered; Payments 1 of 2 with 1 blocked,
 * Mobile 0 of 1 with 1 waiting.
 */
export function childProgress(
  children: readonly ChildPlace[],
  orders: ReadonlyMap<string, StageOrder>,
): ChildProgress {
  const teams = new Map<string, TeamProgress>();
  let delivered = 0;
  for (const child of children) {
    let team = teams.get(child.boardId);
    if (!team) {
      team = { boardId: child.boardId, total: 0, delivered: 0, blocked: 0, waiting: 0 };
      teams.set(child.boardId, team);
    }
    team.total += 1;
    const order = orders.get(child.boardId);
    const state = order ? childState(order, child.stageId, child.blocked) : "waiting";
    if (state === "delivered") {
      team.delivered += 1;
      delivered += 1;
    } else if (state === "blocked") team.blocked += 1;
    else if (state === "waiting") team.waiting += 1;
  }
  return { total: children.length, delivered, teams: [...teams.values()] };
}
