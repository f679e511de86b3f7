import { ErrorCode, type TLocale, type TSignInBody, type TSignUpBody, type TUser } from "@tideway/contracts";
import { type SignUpPolicy, signUpAllowed, signUpRefusal } from "@tideway/domain";
import { decoyPasswordHash, hashPassword, verifyPassword } from "../../auth/password";
import { checkNewPassword } from "../../auth/password-policy";
import { hashSecret, newSecret, usableLinkWhere } from "../../auth/tokens";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import type { Mailer } from "../../mail/mailer";

export const userFields = { id: true, email: true, name: true, isInstanceAdmin: true, locale: true } as const;

/** How long a sign-up's confirmation link works. */
export const SIGN_UP_CONFIRMATION_TTL_MS = 24 * 60 * 60 * 1000;

/** An account as the API shows it; the database's check keeps `locale` to the shipped languages. */
export function userOf(row: {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
  locale: string | null;
}): TUser {
  const { id, email, name, isInstanceAdmin, locale } = row;
  return { id, email, name, isInstanceAdmin, locale: locale as TLocale | null };
}

export interface SignUpDeps {
  db: Db;
  mailer: Mailer;
}

/** A sign-up either created the account (and signs it in) or waits for its email to be confirmed. */
export type SignUpOutcome = { created: TUser } | { confirmEmail: true };

/**
 * Creates an account from the sign-up page, if the instance's SIGNUP policy
 * allows (`signUpAllowed`: the first account always may, and becomes the
 * instance's administrator).
 *
 * With mail configured, every sign-up after the first waits for its emailed
 * link (`confirmSignUp`), and one for an email that already has an account
 * gets the very same answer while its owner gets a notice: the answer never
 * says whether an email has an account. Without mail nothing can prove an
 * address, so the account is created at once and a taken email is refused:
 * that is why SIGNUP defaults to `invite` without mail (config.ts
 * `defaultSignUpPolicy`), and setting `open` anyway is warned about at start.
 */
export async function signUp(
  deps: SignUpDeps,
  input: TSignUpBody,
  policy: SignUpPolicy = "open",
  now = new Date(),
): Promise<SignUpOutcome> {
  const { db, mailer } = deps;
  // Refused before the email is looked at, so a taken and a fresh one get the same answer.
  if (policy !== "open" && (await db.user.count()) > 0) throw signUpRefused(policy);
  await checkNewPassword(input.password, "password", input);
  // Hashed whether or not the email is taken, so the answer takes as long either way.
  const passwordHash = await hashPassword(input.password);
  const name = input.name ?? input.email.split("@")[0] ?? input.email;
  if (mailer.enabled && (await db.user.count()) > 0) {
    await requestSignUpConfirmation(deps, { email: input.email, name, passwordHash }, now);
    return { confirmEmail: true };
  }
  return { created: await createAccount(db, { email: input.email, name, passwordHash }, policy) };
}

async function requestSignUpConfirmation(
  deps: SignUpDeps,
  request: { email: string; name: string; passwordHash: string },
  now: Date,
): Promise<void> {
  const taken = await deps.db.user.findUnique({ where: { email: request.email }, select: { id: true } });
  if (taken) {
    void deps.mailer.sendSignUpAttempt(request.email);
    return;
  }
  const token = newSecret("sup_");
  await deps.db.signUpRequest.create({
    data: {
      ...request,
      tokenHash: hashSecret(token),
      expiresAt: new Date(now.getTime() + SIGN_UP_CONFIRMATION_TTL_MS),
    },
  });
  void deps.mailer.sendSignUpConfirmation(request.email, `/confirm-sign-up/${token}`);
}

/**
 * Creates the account a sign-up asked for, with its emailed link (once; the
 * other links for that email stop working too). The policy is checked again:
 * SIGNUP may have changed since.
 */
export async function confirmSignUp(
  db: Db,
  token: string,
  policy: SignUpPolicy,
  now = new Date(),
): Promise<TUser> {
  const usable = usableLinkWhere(token, now);
  const request = await db.signUpRequest.findFirst({
    where: usable,
    select: { email: true, name: true, passwordHash: true },
  });
  if (!request) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      "This sign-up link does not work: it was used already or has expired. Sign up again.",
    );
  }
  const claimed = await db.signUpRequest.updateMany({
    where: { email: request.email, usedAt: null },
    data: { usedAt: now },
  });
  if (claimed.count === 0) throw new AppError(ErrorCode.NOT_FOUND, "This sign-up link was used already.");
  return createAccount(db, request, policy);
}

async function createAccount(
  db: Db,
  account: { email: string; name: string; passwordHash: string },
  policy: SignUpPolicy,
): Promise<TUser> {
  try {
    const created = await db.$transaction(async (tx) => {
      const isFirst = (await tx.user.count()) === 0;
      if (!signUpAllowed(policy, { invited: false, firstAccount: isFirst })) throw signUpRefused(policy);
      return tx.user.create({ data: { ...account, isInstanceAdmin: isFirst }, select: userFields });
    });
    return userOf(created);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError(
        ErrorCode.EMAIL_TAKEN,
        "An account with this email already exists; sign in instead.",
      );
    }
    throw error;
  }
}

/** The refusal of a new account under `policy`, with a code per policy so the web can say what to do. */
export function signUpRefused(policy: SignUpPolicy): AppError {
  const code = policy === "invite" ? ErrorCode.SIGN_UP_INVITE_ONLY : ErrorCode.SIGN_UP_CLOSED;
  return new AppError(code, signUpRefusal(policy));
}

/** What the sign-up page may offer now: the first account can always be created. */
export async function effectiveSignUpPolicy(db: Db, policy: SignUpPolicy): Promise<SignUpPolicy> {
  if (policy === "open") return policy;
  return (await db.user.findFirst({ select: { id: true } })) ? policy : "open";
}

export async function signIn(db: Db, input: TSignInBody): Promise<TUser> {
  const user = await db.user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? decoyPasswordHash());
  if (!user || !valid) {
    throw new AppError(ErrorCode.INVALID_CREDENTIALS, "Email or password is wrong.");
  }
  return userOf(user);
}
