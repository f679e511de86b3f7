import type { ClientToServerEvents, ServerToClientEvents } from "@tideway/contracts";
import { io, type Socket } from "socket.io-client";

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
  socket: AppSocket;
  /** Stops listening; the last subscriber's close ends the connection. */
  close: () => void;
}

let shared: AppSocket | null = null;
let subscribers = 0;

/**
 * The tab's one socket.io connection, shared by the board, the dashboard and
 * the notifications. A second `io()` to the same namespace would open a second
 * connection (socket.io multiplexes only different namespaces), doubling the
 * server's connections and its per-user room joins for nothing. Rooms belong
 * to the connection, so no two subscribers may be in one board's room at once
 * (a leave by one would leave it for both); no page shows two live views of a board.
 */
export function subscribeToAppSocket(listeners: AppSocketListeners): AppSocketSubscription {
  if (!shared) {
    // WebSocket first: its handshake always carries Origin, which the server
    // needs to accept the session cookie. A same-origin polling GET carries
    // neither Origin nor (under Referrer-Policy: no-referrer) Referer.
    shared = io({ path: "/socket.io", withCredentials: true, transports: ["websocket", "polling"] });
  }
  const socket = shared;
  subscribers += 1;
  const {
    connect,
    disconnect,
    connect_error,
    "board:event": boardEvent,
    "notification:new": notification,
  } = listeners;
  if (connect) socket.on("connect", connect);
  if (disconnect) socket.on("disconnect", disconnect);
  if (connect_error) socket.on("connect_error", connect_error);
  if (boardEvent) socket.on("board:event", boardEvent);
  if (notification) socket.on("notification:new", notification);
  let closed = false;
  if (connect && socket.connected) {
    queueMicrotask(() => {
      if (!closed && socket.connected) connect();
    });
  }

  return {
    socket,
    close: () => {
      if (closed) return;
      closed = true;
      if (connect) socket.off("connect", connect);
      if (disconnect) socket.off("disconnect", disconnect);
      if (connect_error) socket.off("connect_error", connect_error);
      if (boardEvent) socket.off("board:event", boardEvent);
      if (notification) socket.off("notification:new", notification);
      subscribers -= 1;
      if (subscribers === 0) {
        socket.disconnect();
        shared = null;
      }
    },
  };
}
