import { notFound } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { deleteMembership, keepAnAdmin, lockAllMembers } from "./board-members";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";

/**
 * Takes the caller off a board they belong to, whatever their role; the
 * board's last admin stays (409). What they did on the board stays, and the
 * audit trail records `member.left`. Their open connections leave the board's
 * room, so another tab receives nothing more from it and every later request
 * is answered as for a non-member (404).
 */
export async function leaveBoard(deps: SettingsDeps, userId: string, boardId: string): Promise<void> {
  await requireBoardRole(deps.db, userId, boardId, "viewer");
  await commitSettingsChange(deps, userId, boardId, async (tx) => {
    const members = await lockAllMembers(tx, boardId);
    const self = members.find((member) => member.userId === userId);
    // Left (or was removed) between the check above and the lock.
    if (!self) throw notFound("Board");
    keepAnAdmin(members, self, "leaving the board");
    return { result: {}, audit: [await deleteMembership(tx, boardId, self, userId)] };
  });
  await deps.events.evict(boardId, userId);
}
