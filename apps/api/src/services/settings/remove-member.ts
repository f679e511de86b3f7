import type { TMemberRemoval } from "@tideway/contracts";
import { requireBoardRole } from "../access/require-board-role";
import { deleteMembership, findMember, keepAnAdmin, lockMembers, memberViews } from "./board-members";
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
    const audit = await deleteMembership(tx, boardId, member, actorId);
    return { result: { members: await memberViews(tx, boardId) }, audit: [audit] };
  });
  await deps.events.evict(boardId, userId);
  return removal;
}
