import type { TInvitationList } from "@tideway/contracts";
import { notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { lockMembers } from "../settings/board-members";
import { commitSettingsChange, type SettingsDeps } from "../settings/commit-settings-change";
import { pendingInvitations } from "./invitation-view";

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  invitationId: string,
  now = new Date(),
): Promise<TInvitationList & { seq: number }> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    await lockMembers(tx, boardId, actorId);
    const row = await tx.invitation.findFirst({
      where: { id: invitationId, boardId, acceptedAt: null },
      select: { id: true, email: true, role: true },
    });
    if (!row) throw notFound("The invitation");
    await tx.invitation.delete({ where: { id: row.id } });
    return {
      result: { invitations: await pendingInvitations(tx, boardId, now) },
      audit: [
        {
          action: "member.invitation_revoked",
          entity: "member",
          entityId: row.id,
          before: { email: row.email, role: row.role },
          after: null,
        },
      ],
    };
  });
}
