import type { TAddMemberBody, TInvitationCreated } from "@tideway/contracts";
import { hashSecret, newSecret } from "../../auth/tokens";
import type { Mailer } from "../../mail/mailer";
import { requireBoardRole } from "../access/require-board-role";
import { lockMembers } from "../settings/board-members";
import { commitSettingsChange, type SettingsDeps } from "../settings/commit-settings-change";
import {
  INVITATION_TTL_MS,
  invitationPath,
  invitationSelect,
  pendingInvitations,
  toInvitationView,
} from "./invitation-view";

export interface InvitationDeps extends SettingsDeps {
  mailer: Mailer;
}

/**
 * Adding a member is inviting them (F12): the admin gets a single-use link
 * for the email, valid for 7 days, and the same answer whether or not the
 * email has an account, so the form cannot be used to find out who has one.
 * The person opens the link and joins (signing up first if they have no
 * account). An earlier pending invitation of the same email to this board
 * is replaced: only the newest link works. With mail configured the link is
 * also emailed; sending happens after the commit and a failure is logged,
 * not reported (the admin has the link either way).
 */
export async function inviteToBoard(
  deps: InvitationDeps,
  actorId: string,
  boardId: string,
  input: TAddMemberBody,
  now = new Date(),
): Promise<TInvitationCreated> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  const token = newSecret("inv_");
  const created = await commitSettingsChange(deps, actorId, boardId, async (tx) => {
    await lockMembers(tx, boardId, actorId);
    await tx.invitation.deleteMany({ where: { boardId, email: input.email, acceptedAt: null } });
    const row = await tx.invitation.create({
      data: {
        boardId,
        email: input.email,
        role: input.role,
        tokenHash: hashSecret(token),
        invitedById: actorId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      },
      select: { ...invitationSelect, board: { select: { name: true } } },
    });
    const invitation = toInvitationView(row);
    return {
      result: {
        invitation,
        boardName: row.board.name,
        invitations: await pendingInvitations(tx, boardId, now),
      },
      audit: [
        {
          action: "member.invited",
          entity: "member",
          entityId: row.id,
          before: null,
          after: { email: row.email, role: row.role },
        },
      ],
    };
  });
  const path = invitationPath(token);
  const emailed = deps.mailer.enabled;
  if (emailed) {
    void deps.mailer.sendInvitation(created.invitation, created.boardName, path);
  }
  return { invitation: created.invitation, invitations: created.invitations, path, emailed };
}
