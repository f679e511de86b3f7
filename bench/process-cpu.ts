import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU seconds used so far by a process and all its descendants (Linux /proc),
 * so a load run can say where its time went: the API process, PostgreSQL (a
 * child of the API process when it is embedded), the load generator.
 */
export function processTreeCpuSeconds(rootPid: number, exclude: readonly number[] = []): number {
  const stats = readAllStats();
  const children = new Map<number, number[]>();
  for (const stat of stats.values()) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  let total = 0;
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    if (exclude.includes(pid)) continue;
    const stat = stats.get(pid);
    if (stat) total += stat.cpuSeconds;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

const TICKS_PER_SECOND = 100;

function readAllStats(): Map<number, { pid: number; ppid: number; cpuSeconds: number }> {
  const stats = new Map<number, { pid: number; ppid: number; cpuSeconds: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: fields start after the last ")".
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const cpuTicks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      stats.set(Number(entry), { pid: Number(entry), ppid, cpuSeconds: cpuTicks / TICKS_PER_SECOND });
    } catch {
      // The process ended while we looked.
    }
  }
  return stats;
}
