import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { queryKeys } from "./api/query-keys";
import {
  boardAnsweredFirst,
  boardsAnsweredFirst,
  forgetBoardAnsweredFirst,
} from "./features/board/board-api";
import { useBoardStore } from "./features/board/board-store";
import { metricsAnsweredFirst } from "./features/dashboard/dashboard-api";
import { dashboardViewKey, readDashboardView } from "./features/dashboard/dashboard-view";
import { portfoliosAnsweredFirst } from "./features/portfolio/portfolio-api";
import { useClock } from "./ui/clock-store";

/**
 * The pages people open first and wait on, whose first answers the server puts into the page
 * (apps/api/src/web-app/first-paint-plan.ts mirrors these paths) and whose markup it renders
 * (docs/decisions/020, 021).
 */
export type FirstPage =
  | { kind: "board-list" }
  | { kind: "board"; boardId: string }
  | { kind: "dashboard"; boardId: string };

export function firstPageOf(pathname: string): FirstPage | null {
  if (pathname === "/") return { kind: "board-list" };
  const board = /^\/boards\/([^/]+)(\/dashboard\/?)?$/i.exec(pathname);
  if (!board?.[1]) return null;
  return board[2] ? { kind: "dashboard", boardId: board[1] } : { kind: "board", boardId: board[1] };
}

/**
 * Fills the query cache and the stores with the page's first answers (api/first-answers.ts)
 * before React renders the page, as the server does before it renders it (entry-server.tsx)
 * and the browser before it hydrates that markup (main.tsx): both then render the same
 * content at once, at the same "now" (`now`, the server's). The answers stay in the page: the
 * requests the page makes on arrival take them, as before, instead of asking the API.
 */
export function adoptFirstPage(
  queryClient: QueryClient,
  pathname: string,
  search: string,
  now: number,
): void {
  const page = firstPageOf(pathname);
  if (!page) return;
  useClock.setState({ now });
  const seed = (key: QueryKey, data: unknown) => {
    if (data !== undefined) queryClient.setQueryData(key, data, { updatedAt: now });
  };
  if (page.kind === "board-list") {
    seed(queryKeys.boardList(), boardsAnsweredFirst());
    seed(queryKeys.portfolioList(), portfoliosAnsweredFirst());
    return;
  }
  const board = boardAnsweredFirst(page.boardId);
  seed(queryKeys.boardSnapshot(page.boardId), board);
  if (page.kind === "board") {
    if (board) {
      useBoardStore.getState().open(page.boardId);
      useBoardStore.getState().load(board);
      // In the browser the store now holds it: a later catch-up must not take it (a pinned
      // run at 23:50 showed a board that missed an event reload as it was when served).
      if (typeof window !== "undefined") forgetBoardAnsweredFirst(page.boardId);
    }
    return;
  }
  // The page brings the numbers of the dashboard's default view only (an address without a query).
  if (search === "" || search === "?") {
    const view = dashboardViewKey(readDashboardView(new URLSearchParams()));
    seed(queryKeys.metrics(page.boardId, view), metricsAnsweredFirst(page.boardId));
  }
}
