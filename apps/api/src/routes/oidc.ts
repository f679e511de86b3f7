import { ErrorCode, ZErrorBody, ZSignInOptions } from "@tideway/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type OidcAttempt, OidcClient } from "../auth/oidc-client";
import { AppError } from "../errors/app-error";
import { signInWithOidc } from "../services/auth/sign-in-with-oidc";
import { credentialRateLimit, setSessionCookie } from "./session-cookie";

/** Holds state, nonce and PKCE verifier between start and callback; only the callback reads it. */
const ATTEMPT_COOKIE = "tideway_oidc";
const ATTEMPT_PATH = "/api/auth/oidc";
const ATTEMPT_TTL_SECONDS = 10 * 60;
const ZAttempt = z.object({
  state: z.string().min(1).max(200),
  nonce: z.string().min(1).max(200),
  codeVerifier: z.string().min(1).max(200),
});
const errors = { 400: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 429: ZErrorBody, 503: ZErrorBody };

/**
 * Single sign-on with OpenID Connect (authorization code, state, nonce,
 * PKCE), when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
 * The callback answers a failure with a 4xx sentence; success signs in and
 * goes to the board list.
 */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const oidc = app.config.oidc ? new OidcClient(app.config.oidc) : null;
  const requireOidc = (): OidcClient => {
    if (oidc) return oidc;
    throw new AppError(
      ErrorCode.NOT_FOUND,
      "Single sign-on is not set up on this Tideway; sign in with a password.",
    );
  };
  const attemptCookie = {
    httpOnly: true,
    sameSite: "lax",
    secure: app.config.production,
    path: ATTEMPT_PATH,
  } as const;

  app.get(
    "/api/auth/sign-in-options",
    {
      schema: {
        tags: ["auth"],
        summary: "How people can sign in here besides a password (single sign-on's provider name, if set up)",
        response: { 200: ZSignInOptions },
      },
    },
    async () => ({ oidc: oidc ? { providerName: oidc.providerName } : null }),
  );

  app.get(
    "/api/auth/oidc/start",
    {
      config: credentialRateLimit,
      schema: {
        tags: ["auth"],
        summary: "Start single sign-on: 302 to the OpenID provider (404 when not set up)",
        response: { 302: z.null(), ...errors },
      },
    },
    async (_request, reply) => {
      const { url, attempt } = await requireOidc().startSignIn();
      reply.setCookie(ATTEMPT_COOKIE, Buffer.from(JSON.stringify(attempt)).toString("base64url"), {
        ...attemptCookie,
        maxAge: ATTEMPT_TTL_SECONDS,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    "/api/auth/oidc/callback",
    {
      config: credentialRateLimit,
      schema: {
        tags: ["auth"],
        summary: "Where the OpenID provider sends the browser back: signs in (302 to /) or says why not",
        description:
          "400 SINGLE_SIGN_ON_FAILED: no sign-in started in this browser, a state that does not match, or the " +
          "provider refused. 403 EMAIL_NOT_VERIFIED: the provider does not vouch for the email " +
          "(`email_verified` is not true). 403 FORBIDDEN: a new person while SIGNUP does not allow one.",
        response: { 302: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const client = requireOidc();
      const attempt = readAttempt(request);
      reply.clearCookie(ATTEMPT_COOKIE, attemptCookie);
      const query = request.raw.url?.split("?")[1] ?? "";
      const person = await client.finishSignIn(query, attempt);
      const user = await signInWithOidc(
        { db: app.db, connections: app.connections },
        person,
        app.config.signUp,
      );
      await setSessionCookie(app, reply, user.id);
      return reply.redirect("/", 302);
    },
  );
};

function readAttempt(request: FastifyRequest): OidcAttempt {
  const raw = request.cookies[ATTEMPT_COOKIE];
  let parsed: unknown = null;
  try {
    parsed = raw ? JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) : null;
  } catch {
    parsed = null;
  }
  const attempt = ZAttempt.safeParse(parsed);
  if (!attempt.success) {
    throw new AppError(
      ErrorCode.SINGLE_SIGN_ON_FAILED,
      "Single sign-on did not complete: this browser has no sign-in in progress (it may have taken over 10 minutes, or cookies are blocked). Start again from the sign-in page.",
    );
  }
  return attempt.data;
}
