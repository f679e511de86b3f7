import { useQuery } from "@tanstack/react-query";
import { type TServiceLevel, ZServiceLevel } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";
import { queryKeys } from "../../api/query-keys";

/** The SLE changes only as deliveries come in; a card's badge may lag it by this much. */
const REFRESH_MS = 10 * 60 * 1000;

function serviceLevelQuery(boardId: string | null | undefined) {
  return {
    queryKey: queryKeys.serviceLevel(boardId ?? ""),
    queryFn: () => apiRequest("GET", `/api/boards/${boardId}/service-level`, ZServiceLevel),
    enabled: !!boardId,
    staleTime: REFRESH_MS,
  };
}

/**
 * The board's p50/p85 delivery cycle time, which the cards' SLE badges compare
 * their age with; null until loaded, for no board, or when it cannot be loaded
 * (no badge is better than a wrong one).
 */
export function useServiceLevel(boardId: string | null | undefined): TServiceLevel | null {
  return useQuery(serviceLevelQuery(boardId)).data ?? null;
}

/** Keeps the board's SLE loaded while its page is open, asking again every REFRESH_MS. */
export function useServiceLevelOf(boardId: string | undefined): void {
  useQuery({ ...serviceLevelQuery(boardId), refetchInterval: REFRESH_MS });
}
