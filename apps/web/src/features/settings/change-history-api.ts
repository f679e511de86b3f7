import { MAX_AUDIT_PAGE, type TAuditPage, ZAuditPage } from "@tideway/contracts";
import { apiRequest } from "../../api/api-request";

/**
 * The board's newest `count` audit events (fewer when the trail is shorter),
 * newest first, and the cursor to the events older than those. Always from
 * the newest, so a list refreshed after new changes has no gap in it.
 */
export async function fetchChangeHistory(boardId: string, count: number): Promise<TAuditPage> {
  const events: TAuditPage["events"] = [];
  let next: string | null = null;
  do {
    const query = new URLSearchParams({ limit: String(Math.min(MAX_AUDIT_PAGE, count - events.length)) });
    if (next !== null) query.set("before", next);
    const page = await apiRequest("GET", `/api/boards/${boardId}/audit?${query}`, ZAuditPage);
    events.push(...page.events);
    next = page.next;
  } while (next !== null && events.length < count);
  return { events, next };
}
