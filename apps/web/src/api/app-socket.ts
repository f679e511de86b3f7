import type { ClientToServerEvents, ServerToClientEvents } from "@tideway/contracts";
import type { Socket } from "socket.io-client";

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What one part of the page listens for on the shared connection. */
export interface AppSocketListeners {
  /** Each (re)connection; at once if the connection is already up. */
  connect?: () => void;
  disconnect?: () => void;
  connect_error?: () => void;
  "board:event"?: ServerToClientEvents["board:event"];
  "notification:new"?: ServerToClientEvents["notification:new"];
}

export interface AppSocketSubscription {
  /** The connection; null until socket.io's client has loaded (every listener runs after that). */
  socket: () => AppSocket | null;
  /** Stops listening; the last subscriber's close ends the connection. */
  close: () => void;
}

let shared: AppSocket | null = null;
let subscribers = 0;
// socket.io's client loads after the page's first paint, beside its data (a fifth of the
// board's JavaScript otherwise); once loaded, it stays.
let socketClient: Promise<typeof import("socket.io-client")> | null = null;

function loadSocketClient(): Promise<typeof import("socket.io-client")> {
  socketClient ??= import("socket.io-client").catch((error: unknown) => {
    socketClient = null;
    throw error;
  });
  return socketClient;
}

/**
 * The tab's one socket.io connection, shared by the board, the dashboard and
 * the notifications. A second `io()` to the same namespace would open a second
 * connection (socket.io multiplexes only different namespaces), doubling the
 * server's connections and its per-user room joins for nothing. Rooms belong
 * to the connection, so no two subscribers may be in one board's room at once
 * (a leave by one would leave it for both); no page shows two live views of a board.
 */
export function subscribeToAppSocket(listeners: AppSocketListeners): AppSocketSubscription {
  subscribers += 1;
  const {
    connect,
    disconnect,
    connect_error,
    "board:event": boardEvent,
    "notification:new": notification,
  } = listeners;
  let closed = false;
  let socket: AppSocket | null = null;

  loadSocketClient().then(
    ({ io }) => {
      if (closed) return;
      // WebSocket first: its handshake always carries Origin, which the server
      // needs to accept the session cookie. A same-origin polling GET carries
      // neither Origin nor (under Referrer-Policy: no-referrer) Referer.
      shared ??= io({ path: "/socket.io", withCredentials: true, transports: ["websocket", "polling"] });
      const joined = shared;
      socket = joined;
      if (connect) joined.on("connect", connect);
      if (disconnect) joined.on("disconnect", disconnect);
      if (connect_error) joined.on("connect_error", connect_error);
      if (boardEvent) joined.on("board:event", boardEvent);
      if (notification) joined.on("notification:new", notification);
      if (connect && joined.connected) {
        queueMicrotask(() => {
          if (!closed && joined.connected) connect();
        });
      }
    },
    // The client's code did not arrive (offline, or a new release replaced the file): as
    // for a connection that failed, the page says it is offline.
    () => {
      if (!closed) connect_error?.();
    },
  );

  return {
    socket: () => socket,
    close: () => {
      if (closed) return;
      closed = true;
      if (socket) {
        if (connect) socket.off("connect", connect);
        if (disconnect) socket.off("disconnect", disconnect);
        if (connect_error) socket.off("connect_error", connect_error);
        if (boardEvent) socket.off("board:event", boardEvent);
        if (notification) socket.off("notification:new", notification);
      }
      subscribers -= 1;
      if (subscribers === 0 && shared) {
        shared.disconnect();
        shared = null;
      }
    },
  };
}
