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
import { type Caller, callerFromApiToken, callerFromSession } from "../services/auth/sessions";
import type { BoardEventSink } from "../services/board-events";
import type { UserEventSink } from "../services/insights/user-events";
import { isSameOrigin, SESSION_COOKIE } from "./authenticate";

interface SocketData {
  caller: Caller;
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
): { io: RealtimeServer; sink: BoardEventSink; users: UserEventSink } {
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
    authenticateSocket(app, socket)
      .then((caller) => {
        if (!caller) return next(new Error(ErrorCode.UNAUTHENTICATED));
        socket.data.caller = caller;
        next();
      })
      .catch(() => next(new Error(ErrorCode.UNAUTHENTICATED)));
  });

  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.caller.id));
    socket.on("board:join", (request, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      void joinBoard(app, socket, request).then(reply);
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
  };
}

function emitLocally(io: RealtimeServer, room: string, event: keyof ServerToClientEvents, payload: unknown) {
  // Every ServerToClientEvents event carries one payload; the union of their signatures does not spread.
  (io.local.to(room).emit as (event: string, payload: unknown) => boolean)(event, payload);
}

async function authenticateSocket(app: FastifyInstance, socket: BoardSocket): Promise<Caller | null> {
  const token = (socket.handshake.auth as { token?: unknown }).token;
  if (typeof token === "string") return callerFromApiToken(app.db, token);
  const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? "");
  const session = cookies[SESSION_COOKIE];
  if (!session) return null;
  if (!isSameOrigin({ headers: socket.handshake.headers, host: socket.handshake.headers.host ?? "" }))
    return null;
  return callerFromSession(app.db, session);
}

async function joinBoard(app: FastifyInstance, socket: BoardSocket, request: unknown): Promise<TJoinAck> {
  const parsed = ZBoardJoin.safeParse(request);
  if (!parsed.success) {
    return { ok: false, code: ErrorCode.VALIDATION_FAILED, message: "board:join needs { boardId: <uuid> }." };
  }
  const { boardId } = parsed.data;
  try {
    await requireBoardRole(app.db, socket.data.caller.id, boardId, "viewer");
    // Join before reading seq, so no change committed after the read is
    // missed; the client ignores events at or below the seq it already has.
    await socket.join(boardRoom(boardId));
    const board = await app.db.board.findUniqueOrThrow({ where: { id: boardId }, select: { seq: true } });
    return { ok: true, seq: Number(board.seq) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
    app.log.error({ err: error }, "board:join failed");
    return { ok: false, code: ErrorCode.INTERNAL, message: "Could not join the board; try again." };
  }
}
