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

/**
 * Whether a whole set of dependencies (a board import's) holds a cycle, and
 * if so one of them, as dependencyCycle names it: its demands in waiting
 * order, the first one again at the end (["A", "B", "A"]: A waits on B,
 * B on A). A depth-first search over every demand with an explicit stack,
 * O(V + E), so a long chain cannot overflow the call stack.
 *
 * Example: A->B, B->C, C->A answers ["A", "B", "C", "A"]; A->B, A->C,
 * B->D, C->D (a diamond) answers null.
 */
export function dependencyCycleAmong(edges: readonly DependencyEdge[]): string[] | null {
  const waitsOn = new Map<string, string[]>();
  for (const edge of edges) {
    const targets = waitsOn.get(edge.demandId) ?? [];
    targets.push(edge.dependsOnId);
    waitsOn.set(edge.demandId, targets);
  }
  /** Demands whose every dependency has been searched: no cycle goes through them. */
  const done = new Set<string>();
  for (const start of waitsOn.keys()) {
    if (done.has(start)) continue;
    // The current path, each demand with how many of its dependencies were already followed.
    const path: string[] = [start];
    const followed: number[] = [0];
    const onPath = new Map<string, number>([[start, 0]]);
    while (path.length > 0) {
      const top = path.length - 1;
      const current = path[top] as string;
      const next = waitsOn.get(current)?.[followed[top] as number];
      if (next === undefined) {
        done.add(current);
        onPath.delete(current);
        path.pop();
        followed.pop();
        continue;
      }
      followed[top] = (followed[top] as number) + 1;
      const at = onPath.get(next);
      if (at !== undefined) return [...path.slice(at), next];
      if (done.has(next)) continue;
      onPath.set(next, path.length);
      path.push(next);
      followed.push(0);
    }
  }
  return null;
}
