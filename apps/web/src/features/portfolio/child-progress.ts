import { useQuery } from "@tanstack/react-query";
import type { TBoardChildren, TBusinessDemandProgress } from "@tideway/contracts";
import { queryKeys } from "../../api/query-keys";
import { fetchBoardChildren } from "./portfolio-api";

/**
 * The children's progress of a board's business demands: what the business
 * cards read. Fetched with the board; the board's socket marks it stale after
 * every change there (and `portfolio.changed` from a team board), see
 * api/board-event-cache.ts, so nothing asks again until then.
 */
export function boardChildrenQuery(boardId: string | undefined) {
  return {
    queryKey: queryKeys.boardChildren(boardId ?? ""),
    queryFn: () => fetchBoardChildren(boardId as string),
    enabled: !!boardId,
    staleTime: Number.POSITIVE_INFINITY,
  };
}

/** Keeps the board's children progress loaded while a page shows the board. */
export function useBoardChildren(boardId: string | undefined): void {
  useQuery(boardChildrenQuery(boardId));
}

/** One business demand's progress; undefined while loading, or when it has no children on team boards. */
export function useChildProgress(
  boardId: string | null | undefined,
  demandId: string,
): TBusinessDemandProgress | undefined {
  return useQuery({
    ...boardChildrenQuery(boardId ?? undefined),
    select: (children: TBoardChildren) => children.demands.find((demand) => demand.demandId === demandId),
  }).data;
}
