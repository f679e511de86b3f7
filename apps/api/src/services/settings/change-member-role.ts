import type { TBoardRole, TMemberChange } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import {
  findMember,
  keepAnAdmin,
  lockMembers,
  memberSelect,
  memberViews,
  toMemberView,
} from "./board-members";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";

/** Makes a member viewer, member or admin; the board's last admin keeps the role. */
export async function changeMemberRole(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  userId: string,
  role: TBoardRole,
): Promise<TMemberChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const members = await lockMembers(tx, boardId, actorId);
    const current = findMember(members, userId);
    if (current.role === role) {
      return { result: { member: toMemberView(current), members: members.map(toMemberView) }, audit: [] };
    }
    if (role !== "admin") keepAnAdmin(members, current, "giving up the role");
    const member = toMemberView(
      await tx.boardMember.update({
        where: { boardId_userId: { boardId, userId } },
        data: { role },
        select: memberSelect,
      }),
    );
    return {
      result: { member, members: await memberViews(tx, boardId) },
      audit: [
        {
          action: "member.role_changed",
          entity: "member",
          entityId: userId,
          before: toMemberView(current),
          after: member,
        },
      ],
    };
  });
}
