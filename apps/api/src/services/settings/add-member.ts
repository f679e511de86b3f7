import { ErrorCode, type TAddMemberBody, type TMemberChange } from "@tideway/contracts";
import { AppError } from "../../errors/app-error";
import { requireBoardRole } from "../access/require-board-role";
import { lockMembers, memberSelect, memberViews, toMemberView } from "./board-members";
import { commitSettingsChange, type SettingsDeps } from "./commit-settings-change";

/** Gives a signed-up user a role on the board, found by the email they signed up with. */
export async function addMember(
  deps: SettingsDeps,
  actorId: string,
  boardId: string,
  input: TAddMemberBody,
): Promise<TMemberChange> {
  await requireBoardRole(deps.db, actorId, boardId, "admin");
  return commitSettingsChange(deps, actorId, boardId, async (tx) => {
    const members = await lockMembers(tx, boardId, actorId);
    const user = await tx.user.findUnique({
      where: { email: input.email },
      select: { id: true, name: true },
    });
    if (!user) {
      throw new AppError(
        ErrorCode.NOT_FOUND,
        `Nobody has signed up with ${input.email} yet; ask them to create an account, then add them.`,
        { email: input.email },
      );
    }
    const existing = members.find((member) => member.userId === user.id);
    if (existing) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `${user.name} is already on this board as ${existing.role}; change their role instead.`,
        { userId: user.id, role: existing.role },
      );
    }
    const member = toMemberView(
      await tx.boardMember.create({
        data: { boardId, userId: user.id, role: input.role },
        select: memberSelect,
      }),
    );
    return {
      result: { member, members: await memberViews(tx, boardId) },
      audit: [{ action: "member.added", entity: "member", entityId: user.id, before: null, after: member }],
    };
  });
}
