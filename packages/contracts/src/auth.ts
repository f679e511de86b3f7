import { z } from "zod";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "must be an email address" }).max(254));

/**
 * The shortest new password (the sign-up form says so too). The API also
 * refuses guessable ones (apps/api/src/auth/password-policy.ts); passwords set
 * before the policy still sign in.
 */
export const PASSWORD_MIN_LENGTH = 12;

export const ZSignUpBody = z.object({
  email: ZEmail,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(256)
    .refine((password) => password.trim() !== "", "must not be only spaces"),
  name: z.string().trim().min(1).max(100).optional(),
});
export type TSignUpBody = z.infer<typeof ZSignUpBody>;
/** Sign-up's answer when the email must be confirmed: the same whether or not the email has an account. */
export const ZSignUpPending = z.object({
  message: z
    .string()
    .describe("Says a confirmation link was emailed; never whether the email has an account"),
});
export type TSignUpPending = z.infer<typeof ZSignUpPending>;
export const ZSignUpConfirmParams = z.object({ token: z.string().min(1).max(200) });

export const ZSignInBody = z.object({
  email: ZEmail,
  password: z.string().min(1).max(256),
});
export type TSignInBody = z.infer<typeof ZSignInBody>;

export const ZSignOutBody = z
  .object({ everywhere: z.boolean().default(false).describe("Revoke every session of this user") })
  .nullish();

/** The interface languages the web app ships, as BCP 47 tags; English is the fallback. */
export const LOCALES = ["en", "zh-CN"] as const;
export const ZLocale = z.enum(LOCALES);
export type TLocale = z.infer<typeof ZLocale>;

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  isInstanceAdmin: z.boolean(),
  locale: ZLocale.nullable().describe("The interface language this person chose; null: follow the browser's"),
});
export type TUser = z.infer<typeof ZUser>;
/** Sign-up's answer: the new account, signed in (201), or a sentence saying to confirm the email (202). */
export const ZSignUpReply = z.union([z.object({ user: ZUser }), ZSignUpPending]);
export type TSignUpReply = z.infer<typeof ZSignUpReply>;

export const ZUpdateMeBody = z.object({ locale: ZLocale });
export type TUpdateMeBody = z.infer<typeof ZUpdateMeBody>;

export const ZCreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const ZCreatedToken = z.object({
  id: z.uuid(),
  name: z.string(),
  token: z.string().describe("Shown once; send as `Authorization: Bearer <token>`"),
  expiresAt: z.iso.datetime().nullable(),
});
export type TCreatedToken = z.infer<typeof ZCreatedToken>;

/** A personal API token as its owner sees it in the list: never the secret itself. */
export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso
    .datetime()
    .nullable()
    .describe("Null until first used; refreshed at most every 5 minutes"),
  expiresAt: z.iso.datetime().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = z.object({ tokens: z.array(ZApiToken) });
export type TApiTokenList = z.infer<typeof ZApiTokenList>;
export const ZTokenIdParams = z.object({ id: z.uuid() });

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZSignUpBody.shape.password,
});
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;

/** Deleting an account asks for its password again, so an unattended open tab cannot. */
export const ZDeleteAccountBody = z.object({ password: z.string().min(1).max(256) });
export type TDeleteAccountBody = z.infer<typeof ZDeleteAccountBody>;

/** What the name of a deleted account's user reads as, wherever their history is shown. */
export const DELETED_USER_NAME = "Deleted user";

export const ZPasswordResetRequestBody = z.object({ email: ZEmail });
export type TPasswordResetRequestBody = z.infer<typeof ZPasswordResetRequestBody>;
export const ZPasswordResetRequested = z.object({
  message: z.string().describe("The same for every email: whether it has an account is not said"),
});
export const ZPasswordResetParams = z.object({ token: z.string().min(1).max(200) });
export const ZPasswordResetBody = z.object({ password: ZSignUpBody.shape.password });
export type TPasswordResetBody = z.infer<typeof ZPasswordResetBody>;

/** The ways to sign in besides a password, for the sign-in page: single sign-on when configured. */
export const ZSignInOptions = z.object({
  signUp: z
    .enum(["open", "invite", "closed"])
    .describe(
      "Who may create an account from the sign-up page now: `open` (SIGNUP=open, or no account exists yet), " +
        "`invite` (only with an invitation), `closed`",
    ),
  oidc: z
    .object({ providerName: z.string().describe('The button reads "Sign in with <providerName>"') })
    .nullable()
    .describe("OpenID Connect single sign-on (OIDC_ISSUER); null when not configured"),
});
export type TSignInOptions = z.infer<typeof ZSignInOptions>;
