import { QueryClient } from "@tanstack/react-query";

/**
 * The tab's one cache of server state (docs/decisions/015). Stores and socket
 * handlers outside React reach it here; components through the provider in main.tsx.
 *
 * - No retries: a refusal or an unreachable server is shown at once, in the
 *   sentence the API gave, and the user (or the next socket event) asks again.
 * - No refetch on window focus or reconnect of the browser: the board's socket
 *   says when something changed (api/board-event-cache.ts), and a rejoin after a
 *   dropped connection invalidates the board's data.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    },
  });
}

export const queryClient = createQueryClient();
