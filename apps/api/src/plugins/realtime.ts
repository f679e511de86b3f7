import fastifyCookie from "@fastify/cookie";
import { createAdapter } from "@socket.io/postgres-adapter";
import {
  type ClientToServerEvents,
  ErrorCode,
  type ServerToClientEvents,
  type TJoinAck,
  ZBoardJoin,
} from "@tideway/contracts";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { Server, type Socket } from "socket.io";
import { AppError } from "../errors/app-error";
import { requireBoardRole } from "../services/access/require-board-role";
import type { ConnectionSink } from "../services/auth/connection-sink";
import { type Caller, callerFromApiToken, callerFromSession } from "../services/auth/sessions";
import type { BoardEventSink } from "../services/board-events";
import type { UserEventSink } from "../services/insights/user-events";
import { isSameOrigin, SESSION_COOKIE } from "./authenticate";

/** What proved the connection's identity at its handshake: checked again on every board:join. */
interface SocketCredential {
  kind: "session" | "token";
  secret: string;
}
interface SocketData {
  caller: Caller;
  credential: SocketCredential;
}
/** Between API processes: an event for the clients in one room, delivered by each process to its own. */
interface InterServerEvents {
  relay: (room: string, event: keyof ServerToClientEvents, payload: unknown) => void;
}
type BoardSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export const boardRoom = (boardId: string) => `board:${boardId}`;
/** Every connection of a user, for events addressed to that person (notifications). */
export const userRoom = (userId: string) => `user:${userId}`;
/** The connections one credential opened, and those any session of a user opened: ended with them. */
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const userSessionsRoom = (userId: string) => `sessions-of:${userId}`;
const tokenRoom = (tokenId: string) => `token:${tokenId}`;

/**
 * socket.io on the API's own port. A connection must prove who it is (the
 * session cookie from a page of this site, or an API token in `auth.token`);
 * it then joins a board's room only after the same membership check REST
 * uses, so it never receives events of boards it may not read.
 */
export interface RealtimeOptions {
  /**
   * Share broadcasts with other API processes on the same database through
   * PostgreSQL LISTEN/NOTIFY (@socket.io/postgres-adapter). Unset: in-memory,
   * for a single process (the embedded database allows no other).
   */
  sharedDatabaseUrl?: string | undefined;
}

export function attachRealtime(
  app: FastifyInstance,
  options: RealtimeOptions = {},
): { io: RealtimeServer; sink: BoardEventSink; users: UserEventSink; connections: ConnectionSink } {
  const io: RealtimeServer = new Server(app.server, {
    serveClient: false,
    // Browsers send Origin on the handshake; a cookie must come from our own pages.
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      const ok =
        origin === undefined || isSameOrigin({ headers: request.headers, host: request.headers.host ?? "" });
      callback(ok ? null : "cross-site websocket refused", ok);
    },
  });

  io.use((socket, next) => {
    const credential = handshakeCredential(socket);
    if (!credential) return next(new Error(ErrorCode.UNAUTHENTICATED));
    callerFrom(app, credential)
      .then((caller) => {
        if (!caller) return next(new Error(ErrorCode.UNAUTHENTICATED));
        socket.data.caller = caller;
        socket.data.credential = credential;
        next();
      })
      .catch(() => next(new Error(ErrorCode.UNAUTHENTICATED)));
  });

  io.on("connection", (socket) => {
    void socket.join(credentialRooms(socket.data.caller));
    // A sign-out that committed between the handshake's check and the join
    // above found no connection to close: check once more now that it would.
    credentialStillValid(app, socket)
      .then((valid) => valid || socket.disconnect(true))
      // The database is unreachable: board:join checks again before anything is shared.
      .catch((error: unknown) => app.log.warn({ err: error }, "socket credential re-check failed"));
    socket.on("board:join", (request, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      void joinBoard(app, socket, request).then((answer) => {
        reply(answer);
        // After the answer, so the client learns why (engine.io flushes it before closing).
        if (answer === CREDENTIAL_ENDED) socket.disconnect(true);
      });
    });
    socket.on("board:leave", (request) => {
      const parsed = ZBoardJoin.safeParse(request);
      if (parsed.success) void socket.leave(boardRoom(parsed.data.boardId));
    });
  });

  let adapterPool: pg.Pool | null = null;
  if (options.sharedDatabaseUrl) {
    adapterPool = new pg.Pool({ connectionString: options.sharedDatabaseUrl, max: 3 });
    adapterPool.on("error", (error) => app.log.warn({ err: error }, "socket.io adapter connection failed"));
    io.adapter(createAdapter(adapterPool));
    io.on("relay", (room, event, payload) => emitLocally(io, room, event, payload));
  }
  /**
   * This process's clients get the event at once, the other processes' through
   * the adapter. A plain `io.to(room).emit` would hold even local delivery
   * until the adapter's NOTIFY has made its round trip through PostgreSQL
   * (socket.io-adapter's ClusterAdapter awaits the publish first), which
   * under load queues behind the moves themselves.
   */
  const broadcast = <E extends keyof ServerToClientEvents>(
    room: string,
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) => {
    emitLocally(io, room, event, payload);
    if (adapterPool) io.serverSideEmit("relay", room, event, payload);
  };

  // Before the HTTP server stops: it waits for requests in flight, and a long-polling
  // client's GET stays open until the next ping (25 s) unless its engine.io client is closed.
  app.addHook("preClose", async () => {
    io.engine.close();
  });
  app.addHook("onClose", async () => {
    await io.close();
    await adapterPool?.end();
  });

  return {
    io,
    sink: {
      publish: (event) => broadcast(boardRoom(event.boardId), "board:event", event),
      evict: async (boardId, userId) => {
        const room = boardRoom(boardId);
        for (const socket of await io.in(room).fetchSockets()) {
          if (socket.data.caller?.id === userId) socket.leave(room);
        }
      },
    },
    users: {
      notify: (userId, notification) => broadcast(userRoom(userId), "notification:new", notification),
    },
    // disconnectSockets reaches the other API processes' connections through the adapter.
    connections: {
      endSession: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
      endSessionsOf: (userId, keptSessionId) => {
        const sessions = io.in(userSessionsRoom(userId));
        (keptSessionId ? sessions.except(sessionRoom(keptSessionId)) : sessions).disconnectSockets(true);
      },
      endToken: (tokenId) => io.in(tokenRoom(tokenId)).disconnectSockets(true),
      endUser: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    },
  };
}

function credentialRooms(caller: Caller): string[] {
  const rooms = [userRoom(caller.id)];
  if (caller.sessionId) rooms.push(sessionRoom(caller.sessionId), userSessionsRoom(caller.id));
  if (caller.tokenId) rooms.push(tokenRoom(caller.tokenId));
  return rooms;
}

function emitLocally(io: RealtimeServer, room: string, event: keyof ServerToClientEvents, payload: unknown) {
  // Every ServerToClientEvents event carries one payload; the union of their signatures does not spread.
  (io.local.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
}

function handshakeCredential(socket: BoardSocket): SocketCredential | null {
  const token = (socket.handshake.auth as { token?: unknown }).token;
  if (typeof token === "string") return { kind: "token", secret: token };
  const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? "");
  const session = cookies[SESSION_COOKIE];
  if (!session) return null;
  if (!isSameOrigin({ headers: socket.handshake.headers, host: socket.handshake.headers.host ?? "" }))
    return null;
  return { kind: "session", secret: session };
}

/** The caller behind a credential now: null once the session ended or the token was revoked or expired. */
function callerFrom(app: FastifyInstance, credential: SocketCredential): Promise<Caller | null> {
  return credential.kind === "token"
    ? callerFromApiToken(app.db, credential.secret)
    : callerFromSession(app.db, credential.secret);
}

async function credentialStillValid(app: FastifyInstance, socket: BoardSocket): Promise<boolean> {
  const caller = await callerFrom(app, socket.data.credential);
  return caller?.id === socket.data.caller.id;
}

const CREDENTIAL_ENDED: TJoinAck = {
  ok: false,
  code: ErrorCode.UNAUTHENTICATED,
  message: "Your session has ended; sign in again.",
};

async function joinBoard(app: FastifyInstance, socket: BoardSocket, request: unknown): Promise<TJoinAck> {
  const parsed = ZBoardJoin.safeParse(request);
  if (!parsed.success) {
    return { ok: false, code: ErrorCode.VALIDATION_FAILED, message: "board:join needs { boardId: <uuid> }." };
  }
  const { boardId } = parsed.data;
  try {
    if (!(await credentialStillValid(app, socket))) return CREDENTIAL_ENDED;
    await requireBoardRole(app.db, socket.data.caller.id, boardId, "viewer");
    // Join before reading seq, so no change committed after the read is
    // missed; the client ignores events at or below the seq it already has.
    await socket.join(boardRoom(boardId));
    // A removal that committed after the check above evicted nothing (the
    // socket was not in the room yet): check again now that it would have.
    await requireBoardRole(app.db, socket.data.caller.id, boardId, "viewer").catch((error: unknown) => {
      void socket.leave(boardRoom(boardId));
      throw error;
    });
    const board = await app.db.board.findUniqueOrThrow({ where: { id: boardId }, select: { seq: true } });
    return { ok: true, seq: Number(board.seq) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    app.log.error({ err: error }, "board:join failed");
    return { ok: false, code: ErrorCode.INTERNAL, message: "Could not join the board; try again." };
  }
}
