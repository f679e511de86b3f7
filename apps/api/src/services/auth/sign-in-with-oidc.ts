import { ErrorCode, type TUser } from "@tideway/contracts";
import { type SignUpPolicy, signUpAllowed } from "@tideway/domain";
import type { OidcPerson } from "../../auth/oidc-client";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import { signUpRefused, userFields, userOf } from "./accounts";
import type { SessionDeps } from "./sessions";

/** Never a valid scrypt string: an account made by single sign-on has no password until it sets one by reset. */
const NO_PASSWORD = "!single-sign-on";

/**
 * The account an OpenID Connect sign-in opens:
 * 1. the one this identity (issuer + subject) signed in as before;
 * 2. else the account with the provider's email, if the provider says it
 *    verified that email (`email_verified: true`), linking the identity to it;
 * 3. else a new account for that verified email, when SIGNUP allows a new
 *    person (the first account always: it becomes the instance admin).
 * An unverified or missing email is refused before any account is touched:
 * anyone can type any email into a provider that does not check it.
 *
 * Linking an existing account (2.) ends its password, sessions and API
 * tokens: until the provider vouched for the email, nothing proved that
 * whoever set them up owned it (with open sign-up and no mail, anyone can
 * register anyone's email first and wait: "pre-account hijacking"). The
 * person signs in by the provider from then on; a reset link can set a
 * password again.
 */
export async function signInWithOidc(
  { db, connections }: SessionDeps,
  person: OidcPerson,
  policy: SignUpPolicy,
): Promise<TUser> {
  const known = await accountOfIdentity(db, person);
  if (known) return known;
  if (!person.email || !person.emailVerified) {
    throw new AppError(
      ErrorCode.EMAIL_NOT_VERIFIED,
      person.email
        ? `Your sign-in provider has not verified ${person.email}, so Tideway cannot tell it is yours; verify it there, then sign in again.`
        : "Your sign-in provider did not share an email address, which Tideway needs; allow it there, then sign in again.",
    );
  }
  const email = person.email;
  try {
    const { account, linked } = await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email }, select: userFields });
      if (existing) await endUnprovenCredentials(tx, existing.id);
      const account = existing ?? (await createAccount(tx, { email, name: person.name }, policy));
      await tx.oidcIdentity.create({
        data: { issuer: person.issuer, subject: person.subject, userId: account.id },
      });
      return { account, linked: existing !== null };
    });
    if (linked) connections.endUser(account.id);
    return userOf(account);
  } catch (error) {
    // Two sign-ins of one new person at once: the second finds what the first made.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const linked = await accountOfIdentity(db, person);
      if (linked) return linked;
    }
    throw error;
  }
}

/** The password, sessions and API tokens of an account the provider now vouches for. */
async function endUnprovenCredentials(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash: NO_PASSWORD } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.apiToken.deleteMany({ where: { userId } });
}

async function accountOfIdentity(db: Db, person: OidcPerson): Promise<TUser | null> {
  const identity = await db.oidcIdentity.findUnique({
    where: { issuer_subject: { issuer: person.issuer, subject: person.subject } },
    select: { user: { select: { ...userFields, deletedAt: true } } },
  });
  return identity && identity.user.deletedAt === null ? userOf(identity.user) : null;
}

async function createAccount(
  tx: Prisma.TransactionClient,
  person: { email: string; name: string | undefined },
  policy: SignUpPolicy,
) {
  const isFirst = (await tx.user.count()) === 0;
  if (!signUpAllowed(policy, { invited: false, firstAccount: isFirst })) throw signUpRefused(policy);
  return tx.user.create({
    data: {
      email: person.email,
      name: person.name ?? person.email.split("@")[0] ?? person.email,
      passwordHash: NO_PASSWORD,
      isInstanceAdmin: isFirst,
    },
    select: userFields,
  });
}
