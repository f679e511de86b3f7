import { ErrorCode } from "@tideway/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../errors/app-error";
import { type Caller, callerFromApiToken, callerFromSession } from "../services/auth/sessions";

export const SESSION_COOKIE = "tideway_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Webhooks: authenticated by their signature alone, never by a session or token. */
    signatureOnly?: boolean;
  }
}

/**
 * Resolves who is calling (session cookie or `Authorization: Bearer` API
 * token) on every request, and refuses cookie-authenticated writes that do
 * not come from this site's own pages (CSRF): SameSite=Lax stops most of
 * them, the Origin check stops the rest (same-site subdomains, old browsers).
 */
export const authenticate = fp(async (app: FastifyInstance) => {
  app.decorateRequest("caller", null);
  app.addHook("onRequest", async (request) => {
    if (request.routeOptions.config.signatureOnly) return;
    const bearer = bearerToken(request);
    if (bearer) {
      request.caller = await callerFromApiToken(app.db, bearer);
      if (!request.caller)
        throw new AppError(ErrorCode.UNAUTHENTICATED, "The API token is unknown or expired.");
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
      throw new AppError(
        ErrorCode.CROSS_SITE_REQUEST,
        "This request did not come from Tideway's own pages (Origin header missing or foreign), so it was refused.",
      );
    }
    request.caller = await callerFromSession(app.db, cookie);
  });
});

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

export function isSameOrigin(request: {
  headers: Record<string, string | string[] | undefined>;
  host: string;
}): boolean {
  const origin = request.headers.origin ?? request.headers.referer;
  if (typeof origin !== "string") return false;
  try {
    const source = new URL(origin);
    // Normalise the Host header the same way (":80" on http is dropped).
    return source.host === new URL(`${source.protocol}//${request.host}`).host;
  } catch {
    return false;
  }
}

/** The signed-in caller, or a 401 for anonymous requests. */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError(ErrorCode.UNAUTHENTICATED, "Sign in first.");
  return request.caller;
}
