import type { TMemberRemoval } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import { findMember, keepAnAdmin, lockMembers, memberViews, toMemberView } from "./board-members";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";

/**
 * Takes a user off the board (demands they own, their checks and their
 * history stay); the board's last admin stays. Their open connections leave
 * the board's room, so they receive nothing more from it.
 */
export async function removeMember(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  userId: string,
): Promise<TMemberRemoval> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  const removal = await commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const members = await lockMembers(tx, boardId, actorId);
    const member = findMember(members, userId);
    keepAnAdmin(members, member, "leaving the board");
    await tx.boardMember.delete({ where: { boardId_userId: { boardId, userId } } });
    return {
      result: { members: await memberViews(tx, boardId) },
      audit: [
        {
          action: "member.removed",
          entity: "member",
          entityId: userId,
          before: toMemberView(member),
          after: null,
        },
      ],
    };
  });
  await deps.events.evict(boardId, userId);
  return removal;
}
