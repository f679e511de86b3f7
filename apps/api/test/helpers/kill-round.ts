import type { TBoard, TBoardSummary, TMoveResult, TTransition } from "@tideway/contracts";
import { type ServerProcess, signInOver, startServerProcess } from "./server-process";

export interface KillRoundResult {
  acknowledged: number;
  /** Acknowledged moves whose Transition is in the log after the restart. */
  found: number;
  /** Demands whose lane, version and log disagree (a half-applied move). */
  inconsistent: string[];
}

const DEMO = { email: "demo@tideway.local", password: "tideway-demo" };

/**
 * Streams moves at a server from several clients, SIGKILLs it mid-stream
 * (once `killAfterMoves` moves are acknowledged: a count, not a span of time,
 * so a slow machine still kills it mid-stream and never before a move), restarts it on the same data folder and checks that every acknowledged move
 * is in the log and no move is half-applied. Moves swap demands between two
 * lanes of the Selection stage, which no limit or criterion guards, so every
 * move either commits whole or not at all.
 */
export async function runKillRound(
  dataDir: string,
  options: { killAfterMoves: number; workers?: number },
): Promise<KillRoundResult> {
  let server: ServerProcess = await startServerProcess({ DATA_DIR: dataDir });
  const cookie = await signInOver(server.url, DEMO.email, DEMO.password);
  const headers = { cookie, origin: server.url, "content-type": "application/json" };
  const board = await boardOf(server.url, cookie);
  const selection = board.stages[0]?.id as string;
  const [laneA, laneB] = board.lanes
    .filter((lane) => lane.wipLimit === null || lane.wipPolicy === "soft")
    .map((l) => l.id);
  if (!laneA || !laneB) throw new Error("need two lanes without hard limits");
  const demands = board.demands.filter((d) => d.stageId === selection).slice(0, options.workers ?? 4);
  if (demands.length === 0) throw new Error("the demo board holds no demand in its first stage to move");
  const before = new Set((await transitionsOf(server.url, cookie, board.id)).map((t) => t.id));

  const acknowledged: TMoveResult[] = [];
  let killed = false;
  let reachKillPoint = () => {};
  const killPoint = new Promise<void>((resolve) => {
    reachKillPoint = resolve;
  });
  const workers = demands.map(async (demand, worker) => {
    let lane = demand.laneId;
    for (let i = 0; !killed; i++) {
      const toLaneId = lane === laneA ? laneB : laneA;
      try {
        const response = await fetch(`${server.url}/api/demands/${demand.id}/move`, {
          method: "POST",
          headers,
          body: JSON.stringify({
            toStageId: selection,
            toLaneId,
            idempotencyKey: `kill-${worker}-${Date.now()}-${i}`,
          }),
        });
        if (response.status !== 200)
          throw new Error(`move refused: ${response.status} ${await response.text()}`);
        acknowledged.push((await response.json()) as TMoveResult);
        if (acknowledged.length >= options.killAfterMoves) reachKillPoint();
        lane = toLaneId;
      } catch (error) {
        if (killed) return;
        throw error;
      }
    }
  });
  // A worker that fails before the kill point fails the round.
  await Promise.race([killPoint, Promise.all(workers)]);
  killed = true;
  server.process.kill("SIGKILL");
  await Promise.allSettled(workers);
  await server.stop();

  server = await startServerProcess({ DATA_DIR: dataDir });
  try {
    const cookieAfter = await signInOver(server.url, DEMO.email, DEMO.password);
    const log = (await transitionsOf(server.url, cookieAfter, board.id)).filter((t) => !before.has(t.id));
    const logged = new Set(log.map((t) => t.id));
    const boardAfter = await boardOf(server.url, cookieAfter);
    const inconsistent: string[] = [];
    for (const demand of demands) {
      const now = boardAfter.demands.find((d) => d.id === demand.id);
      const moves = log.filter((t) => t.demandId === demand.id);
      const lastLane = moves.at(-1)?.toLaneId ?? demand.laneId;
      if (!now || now.laneId !== lastLane || now.version !== demand.version + moves.length) {
        inconsistent.push(
          `${demand.key}: lane ${now?.laneId} vs log ${lastLane}, version ${now?.version} vs ${demand.version}+${moves.length}`,
        );
      }
    }
    return {
      acknowledged: acknowledged.length,
      found: acknowledged.filter((result) => logged.has(result.transitionId)).length,
      inconsistent,
    };
  } finally {
    await server.stop("SIGINT");
  }
}

export async function boardOf(url: string, cookie: string): Promise<TBoard> {
  const { boards } = (await (await fetch(`${url}/api/boards`, { headers: { cookie } })).json()) as {
    boards: TBoardSummary[];
  };
  const id = boards.find((b) => b.key === "PAY")?.id;
  return (await (await fetch(`${url}/api/boards/${id}`, { headers: { cookie } })).json()) as TBoard;
}

export async function transitionsOf(url: string, cookie: string, boardId: string): Promise<TTransition[]> {
  const all: TTransition[] = [];
  let since: string | null = "0";
  while (since !== null) {
    const page = (await (
      await fetch(`${url}/api/boards/${boardId}/transitions?since=${since}&limit=10000`, {
        headers: { cookie },
      })
    ).json()) as { transitions: TTransition[]; next: string | null };
    all.push(...page.transitions);
    since = page.next;
  }
  return all;
}
