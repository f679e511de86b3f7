import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { startSession } from "../../src/services/auth/sessions";

export const ORIGIN = "http://localhost:80";

/** A signed-in browser-like client: session cookie plus a same-site Origin on writes. */
export interface Client {
  userId: string;
  cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;

/**
 * A user with a live session, created directly in the database: the HTTP
 * sign-up path (slow password hash, rate limit) has its own tests.
 */
export async function createClient(app: FastifyInstance, name = "user"): Promise<Client> {
  counter += 1;
  const user = await app.db.user.create({
    data: { email: `${name}-${counter}-${process.pid}@example.test`, name, passwordHash: "!unusable" },
  });
  const { token } = await startSession(app.db, user.id);
  return clientWithCookie(app, user.id, `tideway_session=${token}`);
}

export function clientWithCookie(app: FastifyInstance, userId: string, cookie: string): Client {
  return {
    userId,
    cookie,
    request: (options) =>
      app.inject({ ...options, headers: { origin: ORIGIN, cookie, ...(options.headers ?? {}) } }),
  };
}
