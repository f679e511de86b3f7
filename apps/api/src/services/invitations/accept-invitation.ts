import { randomUUID } from "node:crypto";
import {
  ErrorCode,
  type TAcceptedInvitation,
  type TAcceptInvitationBody,
  type TInvitationPreview,
} from "@tideway/contracts";
import { type SignUpPolicy, signUpAllowed } from "@tideway/domain";
import { hashPassword } from "../../auth/password";
import { checkNewPassword } from "../../auth/password-policy";
import { hashSecret } from "../../auth/tokens";
import type { Db } from "../../db/prisma";
import { AppError, invalidField } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import { signUpRefused, userFields, userOf } from "../auth/accounts";
import type { Caller } from "../auth/sessions";
import { lockAllMembers, toMemberView } from "../settings/board-members";
import { commitSettingsChange, type SettingsDeps } from "../settings/commit-settings-change";

/** One answer for a link never issued, already used, withdrawn or expired: the link says nothing more. */
const unusable = () =>
  new AppError(
    ErrorCode.NOT_FOUND,
    "This invitation link does not work: it was used already, withdrawn, or has expired. Ask the board's admin for a new one.",
  );

const usableWhere = (token: string, now: Date) =>
  ({
    tokenHash: hashSecret(token),
    acceptedAt: null,
    expiresAt: { gt: now },
  }) satisfies Prisma.InvitationWhereInput;

/** What the invitation page shows: the board, the email and the role, for whoever holds the link. */
export async function previewInvitation(
  db: Db,
  token: string,
  now = new Date(),
): Promise<TInvitationPreview> {
  const row = await db.invitation.findFirst({
    where: usableWhere(token, now),
    select: {
      email: true,
      role: true,
      expiresAt: true,
      board: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!row) throw unusable();
  return {
    boardName: row.board.name,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy?.name ?? null,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation once: the link is claimed in the same transaction
 * that adds the membership, so two tabs cannot both use it.
 * - Signed in: the caller joins, if the invitation is for their email.
 * - Not signed in: an account is created for the invited email with the
 *   given name and password (the new-password policy applies; SIGNUP=closed
 *   refuses), and joins; the route then signs it in. The link reached that
 *   email, so saying "this email has an account: sign in" tells its holder
 *   nothing they could not find out.
 */
export async function acceptInvitation(
  deps: SettingsDeps & { signUp: SignUpPolicy },
  token: string,
  caller: Caller | null,
  body: TAcceptInvitationBody,
  now = new Date(),
): Promise<TAcceptedInvitation> {
  const invitation = await deps.db.invitation.findFirst({
    where: usableWhere(token, now),
    select: { boardId: true, email: true },
  });
  if (!invitation) throw unusable();
  let newAccount: { id: string; passwordHash: string; name: string } | null = null;
  if (caller) {
    if (caller.email !== invitation.email) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `This invitation is for ${invitation.email}, and you are signed in as ${caller.email}. Sign out, then open the link again.`,
      );
    }
  } else {
    const password = body?.password;
    if (password === undefined) throw invalidField("password", "is needed to create your account");
    const name = body?.name ?? invitation.email.split("@")[0] ?? invitation.email;
    await checkNewPassword(password, "password", { email: invitation.email, name });
    newAccount = { id: randomUUID(), passwordHash: await hashPassword(password), name };
  }
  const userId = caller?.id ?? newAccount?.id ?? "";

  const { user } = await commitSettingsChange(deps, userId, invitation.boardId, async (tx) => {
    const claimed = await tx.invitation.updateManyAndReturn({
      where: usableWhere(token, now),
      data: { acceptedAt: now },
      select: { role: true },
    });
    const role = claimed[0]?.role;
    if (!role) throw unusable();
    if (newAccount) await createInvitedAccount(tx, deps.signUp, newAccount, invitation.email);
    const members = await lockAllMembers(tx, invitation.boardId);
    const joined = !members.some((member) => member.userId === userId);
    if (joined) await tx.boardMember.create({ data: { boardId: invitation.boardId, userId, role } });
    const account = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: userFields,
    });
    const member = { userId, role, createdAt: now, user: account };
    return {
      result: { user: userOf(account) },
      audit: joined
        ? [
            {
              action: "member.added",
              entity: "member",
              entityId: userId,
              before: null,
              after: toMemberView(member),
            },
          ]
        : [],
    };
  });
  return { user, boardId: invitation.boardId };
}

async function createInvitedAccount(
  tx: Prisma.TransactionClient,
  policy: SignUpPolicy,
  account: { id: string; passwordHash: string; name: string },
  email: string,
): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `${email} already has a Tideway account: sign in, then open this link again to join.`,
    );
  }
  const firstAccount = (await tx.user.count()) === 0;
  if (!signUpAllowed(policy, { invited: true, firstAccount })) throw signUpRefused(policy);
  await tx.user.create({
    data: {
      id: account.id,
      email,
      name: account.name,
      passwordHash: account.passwordHash,
      isInstanceAdmin: firstAccount,
    },
  });
}
