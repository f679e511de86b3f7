import { ErrorCode } from "@tideway/contracts";
import { hours } from "@tideway/domain";
import { hashPassword } from "../../auth/password";
import { checkNewPassword } from "../../auth/password-policy";
import { hashSecret, newSecret, usableLinkWhere } from "../../auth/tokens";
import { AppError } from "../../errors/app-error";
import type { Mailer } from "../../mail/mailer";
import type { SessionDeps } from "./sessions";

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MS = hours(1);

export interface PasswordResetDeps extends SessionDeps {
  mailer: Mailer;
}

/**
 * Emails a single-use link to choose a new password, if the email has an
 * account. The caller gets the same answer either way, and the email goes
 * out after the answer (Mailer), so neither the answer nor its timing says
 * whether the account exists. Without mail configured there is no way to
 * prove the address is yours: 409, the same for every email.
 */
export async function requestPasswordReset(
  deps: PasswordResetDeps,
  email: string,
  now = new Date(),
): Promise<void> {
  if (!deps.mailer.enabled) {
    throw new AppError(
      ErrorCode.CONFLICT,
      "This Tideway cannot send email, so it cannot reset passwords by link; ask its administrator.",
    );
  }
  const user = await deps.db.user.findUnique({ where: { email }, select: { id: true, deletedAt: true } });
  if (!user || user.deletedAt !== null) return;
  const token = newSecret("pwr_");
  await deps.db.passwordReset.create({
    data: {
      userId: user.id,
      tokenHash: hashSecret(token),
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    },
  });
  void deps.mailer.sendPasswordReset(email, `/reset-password/${token}`);
}

/**
 * Sets a new password with a reset link, once: the link is claimed in the
 * transaction that changes the password, every other link of the account
 * stops working, and every session ends (with its sockets), since whoever
 * knew the old password may still be signed in. API tokens stay.
 */
export async function resetPassword(
  deps: PasswordResetDeps,
  token: string,
  password: string,
  now = new Date(),
): Promise<void> {
  const usable = usableLinkWhere(token, now);
  const reset = await deps.db.passwordReset.findFirst({
    where: usable,
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  if (!reset) throw unusableLink();
  const { user } = reset;
  await checkNewPassword(password, "password", user);
  const passwordHash = await hashPassword(password);
  await deps.db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: usable, data: { usedAt: now } });
    if (claimed.count === 0) throw unusableLink();
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: user.id } });
  });
  deps.connections.endSessionsOf(user.id);
  void deps.mailer.sendPasswordChanged(user.email, user.name);
}

const unusableLink = () =>
  new AppError(
    ErrorCode.NOT_FOUND,
    "This password reset link does not work: it was used already or has expired. Ask for a new one.",
  );
