import type { ClientToServerEvents, ServerToClientEvents, TBoardEvent, TJoinAck } from "@tideway/contracts";
import { io, type Socket } from "socket.io-client";

export type BoardClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client as a browser tab would open it: session cookie and this site's Origin. */
export async function connectSocket(
  baseUrl: string,
  cookie: string,
  origin = baseUrl,
  options: { transport?: "websocket" | "polling" } = {},
): Promise<BoardClientSocket> {
  // A browser's polling requests are same-origin GETs: they carry a Referer, not an Origin.
  const headers: Record<string, string> =
    options.transport === "polling" ? { cookie, referer: `${origin}/boards` } : { cookie, origin };
  return connected(
    io(baseUrl, {
      transports: [options.transport ?? "websocket"],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
    }),
  );
}

/** A socket.io client as a script opens it: an API token in the handshake's `auth`, no cookie. */
export async function connectTokenSocket(baseUrl: string, token: string): Promise<BoardClientSocket> {
  return connected(
    io(baseUrl, { transports: ["websocket"], auth: { token }, reconnection: false, forceNew: true }),
  );
}

async function connected(socket: BoardClientSocket): Promise<BoardClientSocket> {
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", (error) => reject(error));
  });
  return socket;
}

/** Resolves with socket.io's reason when the connection closes ("io server disconnect": the server closed it). */
export function disconnection(socket: BoardClientSocket, timeoutMs = 5_000): Promise<string> {
  if (socket.disconnected) return Promise.resolve("already disconnected");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the socket stayed connected")), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export function join(socket: BoardClientSocket, boardId: string): Promise<TJoinAck> {
  return socket.timeout(5_000).emitWithAck("board:join", { boardId });
}

/** Collects every board event the socket receives. */
export function recordEvents(socket: BoardClientSocket): TBoardEvent[] {
  const events: TBoardEvent[] = [];
  socket.on("board:event", (event) => events.push(event));
  return events;
}

export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The barrier that ends a "no event arrived" check: `change` makes a change on
 * `barrierBoardId`, a board the socket has joined, after the change under test;
 * once its event reaches the socket, any event the server sent this socket before
 * it has arrived too (socket.io keeps one socket's packets in order). Returns the
 * recorded events of every other board, which then cannot look clean merely
 * because a leak was slow.
 */
export async function awaitBarrier(
  events: TBoardEvent[],
  barrierBoardId: string,
  change: () => Promise<unknown>,
): Promise<TBoardEvent[]> {
  const seen = events.length;
  await change();
  await waitFor(() => events.slice(seen).some((event) => event.boardId === barrierBoardId));
  return events.filter((event) => event.boardId !== barrierBoardId);
}
