/**
 * Every query key of the web app, in one place (docs/decisions/015). A key is
 * an array; TanStack Query matches by prefix, so the shape is chosen for the
 * invalidations the socket makes (api/board-event-cache.ts):
 *
 * - `["board", id, "snapshot"]`: the board as `GET /api/boards/:id` returns it.
 * - `["board", id, "flow", ...]`: everything computed from the board's history
 *   (metrics, insights, forecasts, the quarterly report, children's progress,
 *   the change history). Any change on the board makes all of it stale.
 * - `["board", id, "settings", ...]`: what only the admin's settings change.
 * - `["demand", id, ...]`: one card's record (comments, journey, code).
 */
export const queryKeys = {
  boardList: () => ["boards"] as const,
  board: (boardId: string) => ["board", boardId] as const,
  boardSnapshot: (boardId: string) => ["board", boardId, "snapshot"] as const,
  boardFlow: (boardId: string) => ["board", boardId, "flow"] as const,
  metrics: (boardId: string, view: string) => ["board", boardId, "flow", "metrics", view] as const,
  insights: (boardId: string) => ["board", boardId, "flow", "insights"] as const,
  forecast: (boardId: string, question: unknown, filter: unknown) =>
    ["board", boardId, "flow", "forecast", question, filter] as const,
  quarterlyReport: (boardId: string) => ["board", boardId, "flow", "quarterly-report"] as const,
  boardChildren: (boardId: string) => ["board", boardId, "flow", "children"] as const,
  changeHistory: (boardId: string) => ["board", boardId, "settings", "change-history"] as const,
  /** The SLE moves only as deliveries come in: refreshed by time, not by every event. */
  serviceLevel: (boardId: string) => ["board", boardId, "service-level"] as const,
  boardSettings: (boardId: string) => ["board", boardId, "settings"] as const,
  members: (boardId: string) => ["board", boardId, "settings", "members"] as const,
  invitations: (boardId: string) => ["board", boardId, "settings", "invitations"] as const,
  pipeline: (boardId: string) => ["board", boardId, "settings", "pipeline"] as const,
  alertWebhook: (boardId: string) => ["board", boardId, "settings", "alert-webhook"] as const,
  forecastSettings: (boardId: string) => ["board", boardId, "settings", "forecast"] as const,
  demandComments: (demandId: string) => ["demand", demandId, "comments"] as const,
  demandHistory: (demandId: string) => ["demand", demandId, "history"] as const,
  demandCode: (demandId: string) => ["demand", demandId, "code"] as const,
  demandDependencies: (demandId: string) => ["demand", demandId, "dependencies"] as const,
  portfolioList: () => ["portfolios"] as const,
  portfolio: (portfolioId: string) => ["portfolio", portfolioId] as const,
  portfolioMetrics: (portfolioId: string) => ["portfolio", portfolioId, "metrics"] as const,
  notifications: () => ["notifications"] as const,
  apiTokens: () => ["account", "tokens"] as const,
  invitation: (token: string) => ["invitation", token] as const,
};
