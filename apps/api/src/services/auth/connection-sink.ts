/**
 * Where account services end open connections (socket.io is one
 * implementation, plugins/realtime.ts): a connection proved who it was once,
 * at its handshake, so ending the credential behind it must close it too.
 */
export interface ConnectionSink {
  /** Closes the connections opened with this session. */
  endSession(sessionId: string): void;
  /** Closes the connections opened with any of the user's sessions, except the one kept (if any). */
  endSessionsOf(userId: string, keptSessionId?: string | null): void;
  /** Closes the connections opened with this API token. */
  endToken(tokenId: string): void;
  /** Closes every connection of the user, whatever proved it. */
  endUser(userId: string): void;
}

export const keepConnections: ConnectionSink = {
  endSession: () => {},
  endSessionsOf: () => {},
  endToken: () => {},
  endUser: () => {},
};
