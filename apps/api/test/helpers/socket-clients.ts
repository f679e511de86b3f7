import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { startSession } from "../../src/services/auth/sessions";
import { type Client, clientWithCookie } from "./session";
import { type BoardClientSocket, connectSocket, connectTokenSocket } from "./socket";

/**
 * For a test file whose app listens on a real port: opens sockets as a
 * browser tab (session cookie) or a script (API token) would, and closes
 * them all when the file is done.
 */
export function useSocketClients(context: { app: FastifyInstance }) {
  let baseUrl = "";
  const sockets: BoardClientSocket[] = [];
  beforeAll(async () => {
    baseUrl = await context.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });
  const kept = (socket: BoardClientSocket) => {
    sockets.push(socket);
    return socket;
  };
  return {
    tab: async (client: Client) => kept(await connectSocket(baseUrl, client.cookie)),
    script: async (token: string) => kept(await connectTokenSocket(baseUrl, token)),
    /** A second browser of the same person: another session. */
    anotherSession: async (client: Client) => {
      const { token } = await startSession(context.app.db, client.userId);
      return clientWithCookie(context.app, client.userId, `tideway_session=${token}`);
    },
  };
}
