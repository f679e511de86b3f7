import type { TChangePasswordBody } from "@tideway/contracts";
import { hashPassword, verifyPassword } from "../../auth/password";
import { checkNewPassword } from "../../auth/password-policy";
import { invalidField } from "../../errors/app-error";
import type { Caller, SessionDeps } from "./sessions";
import { requireSessionCaller } from "./sessions";

/**
 * Changes the caller's password after checking the current one, and signs
 * out every other session (whoever knew the old password is out); the
 * session making the change stays. API tokens stay: they are revoked one by
 * one on the account page.
 */
export async function changePassword(
  deps: SessionDeps,
  caller: Caller,
  input: TChangePasswordBody,
): Promise<void> {
  const keptSession = requireSessionCaller(caller, "change the password");
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: caller.id },
    select: { passwordHash: true, email: true, name: true },
  });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw invalidField("currentPassword", "is not your current password; the password was not changed");
  }
  await checkNewPassword(input.newPassword, "newPassword", user);
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.$transaction([
    deps.db.user.update({ where: { id: caller.id }, data: { passwordHash } }),
    deps.db.session.deleteMany({ where: { userId: caller.id, NOT: { id: keptSession } } }),
  ]);
  deps.connections.endSessionsOf(caller.id, keptSession);
}
