import { ErrorCode, ZErrorBody, ZSignInOptions } from "@tideway/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type OidcAttempt, OidcClient } from "../auth/oidc-client";
import { AppError } from "../errors/app-error";
import { effectiveSignUpPolicy } from "../services/auth/accounts";
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
 * The callback sends the browser to the board list, signed in, or back to
 * the sign-in page with the refusal's code (never a JSON body to read).
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
        summary:
          "What the sign-in page offers: whether a visitor may sign up (SIGNUP), single sign-on's provider name",
        response: { 200: ZSignInOptions },
      },
    },
    async () => ({
      signUp: await effectiveSignUpPolicy(app.db, app.config.signUp),
      oidc: oidc ? { providerName: oidc.providerName } : null,
    }),
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
          "A browser arrives here, so a refusal is a 302 to `/sign-in?error=<code>`, where the web app says " +
          "why in the person's language: SINGLE_SIGN_ON_FAILED (no sign-in started in this browser, a state " +
          "that does not match, or the provider refused), EMAIL_NOT_VERIFIED (the provider does not vouch " +
          "for the email), SIGN_UP_INVITE_ONLY or SIGN_UP_CLOSED (a new person while SIGNUP does not allow " +
          "one), SINGLE_SIGN_ON_UNAVAILABLE (the provider cannot be reached).",
        response: { 302: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const client = requireOidc();
      try {
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
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // Only the code travels: a sentence in the address would let anyone's link put words on the page.
        request.log.info({ code: error.code, reason: error.message }, "single sign-on refused");
        return reply.redirect(signInPageWithError(error.code), 302);
      }
    },
  );
};

/** The sign-in page that shows the sentence for `code` (apps/web sign-in-page.tsx reads `error`). */
function signInPageWithError(code: string): string {
  return `/sign-in?${new URLSearchParams({ error: code })}`;
}

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
