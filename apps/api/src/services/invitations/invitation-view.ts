import type { TInvitation } from "@tideway/contracts";
import { days } from "@tideway/domain";
import type { Prisma } from "../../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** How long an invitation link works. */
export const INVITATION_TTL_MS = days(7);

export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { name: true } },
} satisfies Prisma.InvitationSelect;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

export function toInvitationView(row: InvitationRow): TInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** The board's invitations still waiting: not accepted and not expired, newest first. */
export async function pendingInvitations(tx: Tx, boardId: string, now: Date): Promise<TInvitation[]> {
  const rows = await tx.invitation.findMany({
    where: { boardId, acceptedAt: null, expiresAt: { gt: now } },
    select: invitationSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toInvitationView);
}

export const invitationPath = (token: string) => `/invitations/${token}`;
