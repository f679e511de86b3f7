/**
 * Dependencies between demands ("PAY-3 waits on OPS-12") form a directed
 * graph, any board to any board, that must stay acyclic: a cycle would leave
 * every demand on it waiting for the others forever.
 *
 * `dependencyCycle(edges, demandId, dependsOnId)` answers whether adding the
 * edge demandId -> dependsOnId closes a cycle, and if so which: the path from
 * `dependsOnId` back to `demandId` through the existing edges, starting and
 * ending at `demandId`. It is a breadth-first search from `dependsOnId`
 * (O(V + E) over the edges given), so the first cycle found is a shortest one.
 * A demand depending on itself is the shortest cycle of all.
 *
 * Example: edges A->B, B->C ("A waits on B, B waits on C"); adding C->A
 * ("C would wait on A") answers ["C", "A", "B", "C"].
 */
export interface DependencyEdge {
  demandId: string;
  dependsOnId: string;
}

export function dependencyCycle(
  edges: readonly DependencyEdge[],
  demandId: string,
  dependsOnId: string,
): string[] | null {
  if (demandId === dependsOnId) return [demandId, demandId];
  const waitsOn = new Map<string, string[]>();
  for (const edge of edges) {
    const targets = waitsOn.get(edge.demandId) ?? [];
    targets.push(edge.dependsOnId);
    waitsOn.set(edge.demandId, targets);
  }
  const reachedFrom = new Map<string, string | null>([[dependsOnId, null]]);
  const queue = [dependsOnId];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head] as string;
    if (current === demandId) return [demandId, ...pathTo(reachedFrom, current).slice(0, -1), demandId];
    for (const next of waitsOn.get(current) ?? []) {
      if (reachedFrom.has(next)) continue;
      reachedFrom.set(next, current);
      queue.push(next);
    }
  }
  return null;
}

/** The search's path from its start to `end`, both included. */
function pathTo(reachedFrom: ReadonlyMap<string, string | null>, end: string): string[] {
  const path: string[] = [];
  for (let at: string | null | undefined = end; at != null; at = reachedFrom.get(at)) path.unshift(at);
  return path;
}
