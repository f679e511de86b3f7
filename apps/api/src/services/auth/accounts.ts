import { ErrorCode, type TLocale, type TSignInBody, type TSignUpBody, type TUser } from "@tideway/contracts";
import { DECOY_PASSWORD_HASH, hashPassword, verifyPassword } from "../../auth/password";
import { checkNewPassword } from "../../auth/password-policy";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";

const userFields = { id: true, email: true, name: true, isInstanceAdmin: true, locale: true } as const;

/** An account as the API shows it; the database's check keeps `locale` to the shipped languages. */
function userOf(row: {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
  locale: string | null;
}): TUser {
  const { id, email, name, isInstanceAdmin, locale } = row;
  return { id, email, name, isInstanceAdmin, locale: locale as TLocale | null };
}

/** The first account on an instance becomes its administrator. */
export async function signUp(db: Db, input: TSignUpBody): Promise<TUser> {
  checkNewPassword(input.password, "password", input);
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await db.$transaction(async (tx) => {
      const isFirst = (await tx.user.count()) === 0;
      return tx.user.create({
        data: {
          email: input.email,
          name: input.name ?? input.email.split("@")[0] ?? input.email,
          passwordHash,
          isInstanceAdmin: isFirst,
        },
        select: userFields,
      });
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

export async function signIn(db: Db, input: TSignInBody): Promise<TUser> {
  const user = await db.user.findUnique({ where: { email: input.email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DECOY_PASSWORD_HASH);
  if (!user || !valid) {
    throw new AppError(ErrorCode.INVALID_CREDENTIALS, "Email or password is wrong.");
  }
  return userOf(user);
}
