import { ErrorCode, type TBoardMember } from "@tideway/contracts";
import { AppError } from "../../errors/app-error";
import type { Prisma } from "../../generated/prisma/client";
import type { AuditEntry } from "./record-audit-event";

type Tx = Prisma.TransactionClient;

export const memberSelect = {
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { name: true, email: true } },
} satisfies Prisma.BoardMemberSelect;

export type MemberRow = Prisma.BoardMemberGetPayload<{ select: typeof memberSelect }>;

/**
 * Locks the board's memberships (in user id order) so that two changes
 * cannot each leave one admin and together leave none, and re-checks under
 * the lock that the actor is still an admin. Returns the members by name.
 */
export async function lockMembers(tx: Tx, boardId: string, actorId: string): Promise<MemberRow[]> {
  const members = await lockAllMembers(tx, boardId);
  if (members.find((member) => member.userId === actorId)?.role !== "admin") {
    throw new AppError(ErrorCode.FORBIDDEN, "You are no longer an admin of this board.");
  }
  return members;
}

/** `lockMembers` without the admin check: for a change any member may make to their own membership. */
export async function lockAllMembers(tx: Tx, boardId: string): Promise<MemberRow[]> {
  await tx.$queryRaw`SELECT user_id FROM board_members WHERE board_id = ${boardId}::uuid ORDER BY user_id FOR UPDATE`;
  return readMembers(tx, boardId);
}

function readMembers(tx: Tx, boardId: string): Promise<MemberRow[]> {
  return tx.boardMember.findMany({
    where: { boardId },
    select: memberSelect,
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
}

export function toMemberView({ userId, role, createdAt, user }: MemberRow): TBoardMember {
  return { userId, name: user.name, email: user.email, role, addedAt: createdAt.toISOString() };
}

export async function memberViews(tx: Tx, boardId: string): Promise<TBoardMember[]> {
  return (await readMembers(tx, boardId)).map(toMemberView);
}

/**
 * Refuses a change that would leave the board with nobody to manage it. The
 * actor is an admin (checked under the lock) or is leaving themself, so the
 * last admin is always the actor themself.
 */
export function keepAnAdmin(members: readonly MemberRow[], target: MemberRow, change: string): void {
  if (target.role !== "admin") return;
  if (members.some((member) => member.role === "admin" && member.userId !== target.userId)) return;
  throw new AppError(
    ErrorCode.CONFLICT,
    `You are the board's last admin; make someone else admin before ${change}.`,
    { userId: target.userId },
  );
}

export function findMember(members: readonly MemberRow[], userId: string): MemberRow {
  const member = members.find((candidate) => candidate.userId === userId);
  if (!member) throw new AppError(ErrorCode.NOT_FOUND, "That user is not a member of this board.");
  return member;
}

/**
 * Deletes a membership (demands the person owns, their checks and their
 * history stay) and describes it for the audit trail: `member.removed` when an
 * admin took them off, `member.left` when they left themself.
 */
export async function deleteMembership(
  tx: Tx,
  boardId: string,
  member: MemberRow,
  actorId: string,
): Promise<AuditEntry> {
  await tx.boardMember.delete({ where: { boardId_userId: { boardId, userId: member.userId } } });
  return {
    action: member.userId === actorId ? "member.left" : "member.removed",
    entity: "member",
    entityId: member.userId,
    before: toMemberView(member),
    after: null,
  };
}
