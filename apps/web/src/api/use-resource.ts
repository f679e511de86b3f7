import { type QueryKey, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ApiError } from "./api-request";

/** What a section shows for the key it asks about now. */
export interface Resource<T> {
  status: "loading" | "ready" | "failed";
  /** Only ever the answer to the current key; during a refresh of that key, the answer before it. */
  data: T | null;
  /** The sentence to show when the latest request for the current key failed. */
  error: string | null;
  /** Fetches the current key again, keeping what is shown; rejects if that fails (the view shows it too). */
  reload: () => Promise<void>;
  /** Shows the server's answer to a change (a save) as the current key's data. */
  replace: (data: T) => void;
}

/** Never fetched: the key a section without a key (`null`) observes. */
const NO_KEY = ["none"] as const;

/**
 * Something a section fetches for itself, as a query of the tab's cache
 * (api/query-client.ts) under `key` (from api/query-keys.ts). A new key shows
 * "loading" (or what the cache already holds for that key), never the previous
 * key's data; a null key fetches nothing. The socket invalidates keys when the
 * board changes (api/board-event-cache.ts); `refreshKey` asks again whenever it
 * changes, for data that follows a value the section already holds (a demand's
 * version), keeping what is shown until the new answer arrives.
 */
export function useResource<T>(
  key: QueryKey | null,
  load: () => Promise<T>,
  options: { failureMessage: string; refreshKey?: unknown },
): Resource<T> {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: key ?? NO_KEY, queryFn: load, enabled: key !== null });
  useRefetchWhenChanged(key, options.refreshKey);

  const data = key === null ? null : (query.data ?? null);
  const error = query.isError ? failureSentence(query.error, options.failureMessage) : null;
  return {
    status: key === null || query.isPending ? "loading" : error !== null ? "failed" : "ready",
    data,
    error: key === null ? null : error,
    reload: async () => {
      if (key !== null) await query.refetch({ throwOnError: true });
    },
    replace: (answer) => {
      if (key === null) return;
      // A request still in flight asked before the save: its answer is older than this one.
      void queryClient.cancelQueries({ queryKey: key, exact: true });
      queryClient.setQueryData(key, answer);
    },
  };
}

/** The API's sentence for a refusal; the section's own for anything else (offline, a bad reply). */
export function failureSentence(error: unknown, failureMessage: string): string {
  return error instanceof ApiError ? error.message : failureMessage;
}

function useRefetchWhenChanged(key: QueryKey | null, refreshKey: unknown): void {
  const queryClient = useQueryClient();
  const seen = useRef(refreshKey);
  const keyHash = key === null ? null : JSON.stringify(key);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyHash stands for key.
  useEffect(() => {
    if (Object.is(seen.current, refreshKey)) return;
    seen.current = refreshKey;
    if (key !== null) void queryClient.refetchQueries({ queryKey: key, exact: true });
  }, [queryClient, keyHash, refreshKey]);
}
