import type { TCodeEventKind } from "@tideway/contracts";
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export interface ShippingEvent {
  id: string;
  kind: Extract<TCodeEventKind, "deploy" | "release">;
  sha: string | null;
  at: Date;
  repository: string;
  environment: string | null;
  commits: string[] | null;
}

/**
 * The demands whose code a deploy or release shipped (issue 6, DESIGN.md
 * "CodeEvent"), through the commits and merges already recorded for the
 * same repository:
 * - an event that lists its commits covers exactly those;
 * - an event with one sha covers the commits seen up to that commit (by event
 *   time; the event's own time when the sha was never seen) that no earlier
 *   event of the same kind and environment covered: those after the newest
 *   such earlier event's own cut-off.
 * Commits reported after the deploy are not linked to it afterwards: send
 * them first, or list them in `commits`.
 */
export async function coveredDemandIds(tx: Tx, boardId: string, event: ShippingEvent): Promise<string[]> {
  const rows = event.commits
    ? await tx.$queryRaw<{ demand_id: string }[]>`
        SELECT DISTINCT l.demand_id::text AS demand_id
        FROM code_events c JOIN code_event_demands l ON l.code_event_id = c.id
        WHERE c.board_id = ${boardId}::uuid AND c.repository = ${event.repository}
          AND c.kind IN ('commit', 'merge') AND c.sha = ANY(${event.commits}::text[])`
    : await tx.$queryRaw<{ demand_id: string }[]>`
        WITH cutoff AS (
          SELECT coalesce(
            (SELECT max(c.at) FROM code_events c
             WHERE c.board_id = ${boardId}::uuid AND c.repository = ${event.repository}
               AND c.kind IN ('commit', 'merge') AND c.sha = ${event.sha}::text),
            ${event.at}::timestamptz) AS at
        ), covered_before AS (
          SELECT max(coalesce(
            (SELECT max(c.at) FROM code_events c
             WHERE c.board_id = e.board_id AND c.repository = e.repository
               AND c.kind IN ('commit', 'merge') AND c.sha = e.sha),
            e.at)) AS at
          FROM code_events e
          WHERE e.board_id = ${boardId}::uuid AND e.repository = ${event.repository}
            AND e.kind = ${event.kind}::"CodeEventKind"
            AND lower(e.environment) IS NOT DISTINCT FROM lower(${event.environment}::text)
            AND e.at < ${event.at}::timestamptz AND e.id <> ${event.id}::uuid
        )
        SELECT DISTINCT l.demand_id::text AS demand_id
        FROM code_events c JOIN code_event_demands l ON l.code_event_id = c.id, cutoff, covered_before
        WHERE c.board_id = ${boardId}::uuid AND c.repository = ${event.repository}
          AND c.kind IN ('commit', 'merge') AND c.at <= cutoff.at
          AND (covered_before.at IS NULL OR c.at > covered_before.at)`;
  return rows.map((row) => row.demand_id);
}

/**
 * Of `demandIds`, those with a commit or merge after `at`: work the release
 * did not ship, so it must not move them to Done.
 */
export async function demandsWithLaterSubmissions(
  tx: Tx,
  demandIds: string[],
  at: Date,
): Promise<Set<string>> {
  if (demandIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ demand_id: string }[]>`
    SELECT l.demand_id::text AS demand_id
    FROM code_event_demands l JOIN code_events e ON e.id = l.code_event_id
    WHERE l.demand_id = ANY(${demandIds}::uuid[]) AND e.kind IN ('commit', 'merge')
    GROUP BY l.demand_id HAVING max(e.at) > ${at}::timestamptz`;
  return new Set(rows.map((row) => row.demand_id));
}
