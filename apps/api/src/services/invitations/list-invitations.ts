import type { TInvitationList } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { requireBoardRole } from "../access/require-board-role";
import { pendingInvitations } from "./invitation-view";

/** The board's pending invitations (admins only: they hold emails). */
export async function listInvitations(
  db: Db,
  actorId: string,
  boardId: string,
  now = new Date(),
): Promise<TInvitationList> {
  await requireBoardRole(db, actorId, boardId, "admin");
  return { invitations: await pendingInvitations(db, boardId, now) };
}
