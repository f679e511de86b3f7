import { DELETED_USER_NAME, ErrorCode, type TDeleteAccountBody } from "@tideway/contracts";
import { verifyPassword } from "../../auth/password";
import { AppError, invalidField } from "../../errors/app-error";
import { TRANSACTION_OPTIONS } from "../demands/transaction-options";
import type { Caller, SessionDeps } from "./sessions";
import { requireSessionCaller } from "./sessions";

/** Never a valid scrypt string, so no password ever matches it. */
const NO_PASSWORD = "!deleted";

interface MembershipRow {
  board_id: string;
  board_name: string;
  role: string;
  other_members: number;
  other_admins: number;
}

/**
 * Deletes the caller's account. The user row stays, emptied (name "Deleted
 * user", an address that frees theirs for a new sign-up, no password), so
 * the history they made on boards still names an actor. Their memberships,
 * sessions, tokens and notifications go, and every connection they have is
 * closed. Boards they alone belong to go with them (nobody could open them
 * again); a board where they are the last admin and others remain is
 * refused (409), naming it, until they make someone else admin.
 */
export async function deleteAccount(
  deps: SessionDeps,
  caller: Caller,
  input: TDeleteAccountBody,
  now = new Date(),
) {
  requireSessionCaller(caller, "delete the account");
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: caller.id },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    throw invalidField("password", "is not your password; the account was not deleted");
  }
  await deps.db.$transaction(async (tx) => {
    // Lock the memberships of every board they are on, so that no one's role changes under the check.
    const memberships = await tx.$queryRaw<MembershipRow[]>`
      WITH mine AS (SELECT board_id FROM board_members WHERE user_id = ${caller.id}::uuid),
      locked AS (
        SELECT m.board_id, m.user_id, m.role FROM board_members m
        WHERE m.board_id IN (SELECT board_id FROM mine) ORDER BY m.board_id, m.user_id FOR UPDATE)
      SELECT b.id::text AS board_id, b.name AS board_name, me.role::text AS role,
        (SELECT count(*)::int FROM locked o WHERE o.board_id = b.id AND o.user_id <> ${caller.id}::uuid) AS other_members,
        (SELECT count(*)::int FROM locked o WHERE o.board_id = b.id AND o.user_id <> ${caller.id}::uuid
           AND o.role = 'admin') AS other_admins
      FROM locked me JOIN boards b ON b.id = me.board_id
      WHERE me.user_id = ${caller.id}::uuid`;
    const stranded = memberships.filter(
      (row) => row.role === "admin" && row.other_admins === 0 && row.other_members > 0,
    );
    if (stranded.length > 0) {
      const names = stranded.map((row) => `"${row.board_name}"`).join(", ");
      throw new AppError(
        ErrorCode.CONFLICT,
        `You are the last admin of ${names}; make someone else admin there (or leave those boards) before deleting your account.`,
        { boards: stranded.map((row) => ({ id: row.board_id, name: row.board_name })) },
      );
    }
    const alone = memberships.filter((row) => row.other_members === 0).map((row) => row.board_id);
    await tx.board.deleteMany({ where: { id: { in: alone } } });
    await tx.boardMember.deleteMany({ where: { userId: caller.id } });
    await tx.session.deleteMany({ where: { userId: caller.id } });
    await tx.apiToken.deleteMany({ where: { userId: caller.id } });
    await tx.oidcIdentity.deleteMany({ where: { userId: caller.id } });
    await tx.notification.deleteMany({ where: { userId: caller.id } });
    await tx.user.update({
      where: { id: caller.id },
      data: {
        name: DELETED_USER_NAME,
        email: `deleted-${caller.id}@deleted.invalid`,
        passwordHash: NO_PASSWORD,
        isInstanceAdmin: false,
        locale: null,
        deletedAt: now,
      },
    });
  }, TRANSACTION_OPTIONS);
  deps.connections.endUser(caller.id);
}
