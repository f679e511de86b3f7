import {
  ErrorCode,
  type TSignInBody,
  ZAcceptedInvitation,
  ZAcceptInvitationBody,
  ZApiTokenList,
  ZChangePasswordBody,
  ZCreatedToken,
  ZCreateTokenBody,
  ZDeleteAccountBody,
  ZErrorBody,
  ZInvitationPreview,
  ZInvitationTokenParams,
  ZPasswordResetBody,
  ZPasswordResetParams,
  ZPasswordResetRequestBody,
  ZPasswordResetRequested,
  ZSignInBody,
  ZSignOutBody,
  ZSignUpBody,
  ZSignUpConfirmParams,
  ZSignUpPending,
  ZTokenIdParams,
  ZUpdateMeBody,
  ZUser,
} from "@tideway/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { passwordHashingBusy, passwordHashingFull } from "../auth/password";
import { AppError } from "../errors/app-error";
import { requireCaller, SESSION_COOKIE } from "../plugins/authenticate";
import { confirmSignUp, signIn, signUp } from "../services/auth/accounts";
import { listApiTokens, revokeApiToken } from "../services/auth/api-tokens";
import { changePassword } from "../services/auth/change-password";
import { deleteAccount } from "../services/auth/delete-account";
import { requestPasswordReset, resetPassword } from "../services/auth/password-reset";
import { createApiToken, endOtherSessions, endSession } from "../services/auth/sessions";
import { setUserLocale } from "../services/auth/set-user-locale";
import { acceptInvitation, previewInvitation } from "../services/invitations/accept-invitation";
import { credentialRateLimit, setSessionCookie } from "./session-cookie";

const ZUserReply = z.object({ user: ZUser });
const errors = {
  400: ZErrorBody,
  401: ZErrorBody,
  403: ZErrorBody,
  409: ZErrorBody,
  429: ZErrorBody,
  503: ZErrorBody,
};
const SESSION_ONLY = "Needs a browser session: an API token gets 403 FORBIDDEN.";
// A request turned away for a full hash queue (refuseWhileHashingFull runs
// before the per-address limit) costs its sender no attempt.
async function refuseWhileHashingFull(): Promise<void> {
  if (passwordHashingFull()) throw passwordHashingBusy();
}
// Guessing one account's password from many addresses: a few tries per
// account and quarter hour, whoever sends them, checked before any hashing.
const ACCOUNT_SIGN_IN_LIMIT = { max: 10, timeWindow: "15 minutes" } as const;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const sessionDeps = { db: app.db, connections: app.connections };
  const resetDeps = { ...sessionDeps, mailer: app.mailer };

  app.post(
    "/api/auth/sign-up",
    {
      config: credentialRateLimit,
      preValidation: refuseWhileHashingFull,
      schema: {
        tags: ["auth"],
        summary: "Create an account: at once (201, signed in), or after confirming the email (202)",
        description:
          "With SMTP_URL, every account after the first waits for the link emailed to it: 202, and the " +
          "same 202 when the email already has an account (its owner is told by email instead). " +
          "Without mail (SIGNUP defaults to invite then): 201 and signed in, 409 EMAIL_TAKEN for a taken email " +
          "under an explicit SIGNUP=open. 403 SIGN_UP_INVITE_ONLY or SIGN_UP_CLOSED when SIGNUP does not let " +
          "strangers sign up, whatever the email.",
        body: ZSignUpBody,
        response: { 201: ZUserReply, 202: ZSignUpPending, ...errors },
      },
    },
    async (request, reply) => {
      const outcome = await signUp(resetDeps, request.body, app.config.signUp);
      if ("confirmEmail" in outcome) {
        return reply.status(202).send({
          message: `We emailed a link to ${request.body.email}: open it to create your account. It works for a day.`,
        });
      }
      await setSessionCookie(app, reply, outcome.created.id);
      return reply.status(201).send({ user: outcome.created });
    },
  );

  app.post(
    "/api/auth/sign-up/confirm/:token",
    {
      config: credentialRateLimit,
      schema: {
        tags: ["auth"],
        summary: "Create the account a sign-up asked for, with the link emailed to it (once); signs it in",
        params: ZSignUpConfirmParams,
        response: { 201: ZUserReply, 404: ZErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const user = await confirmSignUp(app.db, request.params.token, app.config.signUp);
      await setSessionCookie(app, reply, user.id);
      return reply.status(201).send({ user });
    },
  );

  // Its own counter: @fastify/rate-limit runs only one of its limits per request.
  const accountSignIns = app.createRateLimit({
    ...ACCOUNT_SIGN_IN_LIMIT,
    keyGenerator: (request) => `sign-in:${(request.body as TSignInBody).email}`,
  });
  async function limitSignInsPerAccount(request: FastifyRequest): Promise<void> {
    const limit = await accountSignIns(request);
    if (!limit.isAllowed && limit.isExceeded) {
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `Too many sign-in attempts for this account; try again in ${Math.ceil(limit.ttlInSeconds / 60)} minutes.`,
      );
    }
  }

  app.post(
    "/api/auth/sign-in",
    {
      config: credentialRateLimit,
      preValidation: refuseWhileHashingFull,
      preHandler: limitSignInsPerAccount,
      schema: { tags: ["auth"], body: ZSignInBody, response: { 200: ZUserReply, ...errors } },
    },
    async (request, reply) => {
      const user = await signIn(app.db, request.body);
      await setSessionCookie(app, reply, user.id);
      return { user };
    },
  );

  app.get(
    "/api/invitations/:token",
    {
      config: credentialRateLimit,
      schema: {
        tags: ["auth"],
        summary:
          "What an invitation link invites to: board, email, role (404 once used, withdrawn or expired)",
        params: ZInvitationTokenParams,
        response: { 200: ZInvitationPreview, 404: ZErrorBody, 429: ZErrorBody },
      },
    },
    async (request) => previewInvitation(app.db, request.params.token),
  );

  app.post(
    "/api/invitations/:token/accept",
    {
      config: credentialRateLimit,
      preValidation: refuseWhileHashingFull,
      schema: {
        tags: ["auth"],
        summary:
          "Accept an invitation: join the board, creating the invited email's account if not signed in",
        description:
          "Signed in as the invited email: no body. Not signed in: `{ name, password }` creates the account " +
          "(new-password policy; SIGNUP=closed refuses) and signs it in. The link works once.",
        params: ZInvitationTokenParams,
        body: ZAcceptInvitationBody,
        response: { 200: ZAcceptedInvitation, 404: ZErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(
        { db: app.db, events: app.boardEvents, signUp: app.config.signUp },
        request.params.token,
        request.caller ?? null,
        request.body,
      );
      if (!request.caller) await setSessionCookie(app, reply, accepted.user.id);
      return accepted;
    },
  );

  app.post(
    "/api/auth/sign-out",
    { schema: { tags: ["auth"], body: ZSignOutBody, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      if (request.caller) await endSession(sessionDeps, request.caller, request.body?.everywhere ?? false);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    { schema: { tags: ["auth"], response: { 200: ZUserReply, 401: ZErrorBody } } },
    async (request) => {
      const { via: _via, sessionId: _sessionId, tokenId: _tokenId, ...user } = requireCaller(request);
      return { user };
    },
  );

  app.patch(
    "/api/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Change your own settings: the interface language (kept on the account, for every device)",
        body: ZUpdateMeBody,
        response: { 200: ZUserReply, ...errors },
      },
    },
    async (request) => ({ user: await setUserLocale(app.db, requireCaller(request), request.body.locale) }),
  );

  app.post(
    "/api/tokens",
    {
      schema: {
        tags: ["auth"],
        summary: "Create a personal API token for scripts",
        description: SESSION_ONLY,
        body: ZCreateTokenBody,
        response: { 201: ZCreatedToken, ...errors },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      return reply.status(201).send(await createApiToken(app.db, caller, request.body));
    },
  );

  app.get(
    "/api/tokens",
    {
      schema: {
        tags: ["auth"],
        summary: "Your API tokens: name, created, last used, expiry (never the secret)",
        response: { 200: ZApiTokenList, 401: ZErrorBody },
      },
    },
    async (request) => ({ tokens: await listApiTokens(app.db, requireCaller(request).id) }),
  );

  app.delete(
    "/api/tokens/:id",
    {
      schema: {
        tags: ["auth"],
        summary: "Revoke one of your API tokens: it stops working at once and its connections close",
        params: ZTokenIdParams,
        response: { 204: z.null(), 404: ZErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      await revokeApiToken(sessionDeps, requireCaller(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: credentialRateLimit,
      schema: {
        tags: ["auth"],
        summary: "Change your password (needs the current one); your other sessions are signed out",
        description: SESSION_ONLY,
        body: ZChangePasswordBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = requireCaller(request);
      await changePassword(sessionDeps, caller, request.body);
      void app.mailer.sendPasswordChanged(caller.email, caller.name);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/password-reset",
    {
      config: credentialRateLimit,
      schema: {
        tags: ["auth"],
        summary: "Email a single-use link (1 hour) to choose a new password; needs SMTP_URL",
        description:
          "202 with the same answer for every email, whether or not it has an account. " +
          "Without mail configured: 409 CONFLICT, also the same for every email.",
        body: ZPasswordResetRequestBody,
        response: { 202: ZPasswordResetRequested, ...errors },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(resetDeps, request.body.email);
      return reply.status(202).send({
        message:
          "If an account has this email, a link to choose a new password is on its way. It works for an hour.",
      });
    },
  );

  app.post(
    "/api/auth/password-reset/:token",
    {
      config: credentialRateLimit,
      preValidation: refuseWhileHashingFull,
      schema: {
        tags: ["auth"],
        summary: "Choose a new password with a reset link (once); every session of the account ends",
        params: ZPasswordResetParams,
        body: ZPasswordResetBody,
        response: { 204: z.null(), 404: ZErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      await resetPassword(resetDeps, request.params.token, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/api/auth/sign-out-others",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign out every other session of yours, keeping this one",
        description: SESSION_ONLY,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await endOtherSessions(sessionDeps, requireCaller(request));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/api/auth/account",
    {
      config: credentialRateLimit,
      schema: {
        tags: ["auth"],
        summary: 'Delete your account (needs your password); your history stays, by "Deleted user"',
        description:
          `${SESSION_ONLY} Boards you alone belong to are deleted with it; as the last admin of a board ` +
          "others belong to, you get 409 CONFLICT naming it.",
        body: ZDeleteAccountBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await deleteAccount(sessionDeps, requireCaller(request), request.body);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );
};
