import type { FastifyInstance, FastifyReply } from "fastify";
import { SESSION_COOKIE } from "../plugins/authenticate";
import { startSession } from "../services/auth/sessions";

// Sign-in and sign-up run a deliberately slow password hash (auth/password.ts
// bounds how many run at once): limit them per client address (request.ip,
// which forwarded headers set only from TRUST_PROXY's proxies). Counted before
// validation, so malformed attempts count too.
export const credentialRateLimit = {
  rateLimit: { max: 10, timeWindow: "1 minute", hook: "preValidation" },
} as const;

/** Starts a session for the user and hands the browser its cookie (httpOnly, SameSite=Lax, Secure in production). */
export async function setSessionCookie(
  app: FastifyInstance,
  reply: FastifyReply,
  userId: string,
): Promise<void> {
  const { token, expiresAt } = await startSession(app.db, userId);
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: app.config.production,
    path: "/",
    expires: expiresAt,
  });
}
