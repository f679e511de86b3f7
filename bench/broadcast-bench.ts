import type { ClientToServerEvents, ServerToClientEvents } from "@tideway/contracts";
import { io, type Socket } from "socket.io-client";
import type { BenchBoard } from "./bench-boards";
import { STAGES } from "./bench-boards";
import { percentile } from "./bench-stats";

/**
 * Move-to-broadcast latency (issue 9, item 2): `listeners` socket.io clients
 * join one board's room; moves are sent one after another and each client
 * notes when the `demand.moved` event with that move's seq arrives. Latency
 * runs from sending the move request to a client receiving its event, so it
 * includes the move itself; `afterReplyMs` is the part after the HTTP answer
 * (negative when the event beats the answer). The clients live in this
 * process, like the browsers of one office behind one connection.
 */
export interface BroadcastRun {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The move's own HTTP latency, for comparison. */
  moveP50Ms: number;
  afterReplyP50Ms: number;
  afterReplyP99Ms: number;
  /** Per move, the first client to receive it: the move and the server's emit, without the fan-out. */
  firstClientP50Ms: number;
  firstClientP99Ms: number;
  /** Per move, from the first client's receipt to the last one's (all clients share this process). */
  fanOutP50Ms: number;
  fanOutP99Ms: number;
  /** Events received / events expected (moves x listeners). */
  delivered: number;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function connectListeners(url: string, apiToken: string, boardId: string, listeners: number) {
  const sockets: ClientSocket[] = [];
  const arrivals: Map<number, number>[] = [];
  for (let i = 0; i < listeners; i++) {
    const socket: ClientSocket = io(url, {
      transports: ["websocket"],
      auth: { token: apiToken },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const ack = await socket.timeout(10_000).emitWithAck("board:join", { boardId });
    if (!ack.ok) throw new Error(`board:join refused: ${ack.message}`);
    const seen = new Map<number, number>();
    socket.on("board:event", (event) => {
      if (event.type === "demand.moved") seen.set(event.seq, performance.now());
    });
    sockets.push(socket);
    arrivals.push(seen);
  }
  return {
    arrivals,
    close: () => {
      for (const socket of sockets) socket.disconnect();
    },
  };
}

export async function runBroadcast(
  url: string,
  apiToken: string,
  board: BenchBoard,
  arrivals: Map<number, number>[],
  moves: number,
): Promise<BroadcastRun> {
  const demand = board.demands[0];
  if (!demand) throw new Error("the broadcast board has no demand");
  let stage = demand.stage;
  const sent: { seq: number; sentAt: number; repliedAt: number }[] = [];
  for (const seen of arrivals) seen.clear();
  for (let i = 0; i < moves; i++) {
    stage = (stage + 1) % STAGES.length;
    const sentAt = performance.now();
    const response = await fetch(`${url}/api/demands/${demand.id}/move`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiToken}` },
      body: JSON.stringify({ toStageId: board.stageIds[stage] }),
    });
    const repliedAt = performance.now();
    if (!response.ok) throw new Error(`broadcast move failed: ${response.status} ${await response.text()}`);
    const { seq } = (await response.json()) as { seq: number };
    sent.push({ seq, sentAt, repliedAt });
    // A pause between moves, so each event's fan-out is measured on its own.
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const latencies: number[] = [];
  const afterReply: number[] = [];
  const firstArrivals: number[] = [];
  const spreads: number[] = [];
  for (const move of sent) {
    const times: number[] = [];
    for (const seen of arrivals) {
      const at = seen.get(move.seq);
      if (at === undefined) continue;
      times.push(at);
      latencies.push(at - move.sentAt);
      afterReply.push(at - move.repliedAt);
    }
    if (times.length === 0) continue;
    firstArrivals.push(Math.min(...times) - move.sentAt);
    spreads.push(Math.max(...times) - Math.min(...times));
  }
  return {
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    moveP50Ms: percentile(
      sent.map((move) => move.repliedAt - move.sentAt),
      50,
    ),
    afterReplyP50Ms: percentile(afterReply, 50),
    afterReplyP99Ms: percentile(afterReply, 99),
    firstClientP50Ms: percentile(firstArrivals, 50),
    firstClientP99Ms: percentile(firstArrivals, 99),
    fanOutP50Ms: percentile(spreads, 50),
    fanOutP99Ms: percentile(spreads, 99),
    delivered: latencies.length / (sent.length * arrivals.length),
  };
}
