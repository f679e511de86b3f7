import { ZId } from "@tideway/contracts";

/**
 * What a page of the web app needs before it can show its first meaningful content
 * (issue 19, docs/decisions/020), so that the page's own response brings it:
 * - `answers`: the API GETs the page makes on arrival, answered into the HTML;
 * - `modules`: the web app's lazily loaded modules the page renders, by their source path
 *   or message group as the build's manifest names them, preloaded beside the entry script.
 *
 * Only the pages people open first and wait on are planned; any other address gets the
 * plain page and fetches as it always did. The paths mirror `apps/web/src/app.tsx`.
 */
export interface FirstPaintPlan {
  answers: string[];
  modules: string[];
}

const SIGNED_IN = "/api/auth/me";
const boardListPage = "src/features/board/board-list-page.tsx";
const dashboardPage = "src/features/dashboard/dashboard-page.tsx";
/** What the dashboard shows once its tiles are on screen, with the charting library. */
const dashboardCharts = [
  "src/features/dashboard/dashboard-details.tsx",
  "src/features/dashboard/trend-sparkline.tsx",
];
const messagesOf = (group: string) => `virtual:tideway-messages/en/${group}`;

/** The plan for the page at `pathname` with `search` ("" or "?…"), or null for any other page. */
export function firstPaintPlan(pathname: string, search: string): FirstPaintPlan | null {
  if (pathname === "/") {
    return {
      answers: [SIGNED_IN, "/api/boards", "/api/portfolios"],
      modules: [boardListPage, messagesOf("board-list")],
    };
  }
  const board = /^\/boards\/([^/]+)(\/dashboard)?$/.exec(pathname);
  const boardId = board?.[1];
  if (!boardId || !ZId.safeParse(boardId).success) return null;
  if (!board[2]) return { answers: [SIGNED_IN, `/api/boards/${boardId}`], modules: [] };
  return {
    // The dashboard's default view (no query) is the API's default window: the last 30 days.
    answers: [
      SIGNED_IN,
      `/api/boards/${boardId}`,
      ...(search === "" ? [`/api/boards/${boardId}/metrics`] : []),
    ],
    modules: [dashboardPage, messagesOf("dashboard"), ...dashboardCharts],
  };
}
