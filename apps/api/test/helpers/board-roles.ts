import type { TBoard } from "@tideway/contracts";
import type { FastifyInstance } from "fastify";
import { createBoard } from "./board";
import { type Client, createClient } from "./session";

/** A fresh board with one person in each role, and a signed-in stranger who is not on it. */
export interface BoardWithRoles {
  board: TBoard;
  admin: Client;
  member: Client;
  viewer: Client;
  stranger: Client;
}

export async function boardWithRoles(app: FastifyInstance): Promise<BoardWithRoles> {
  const admin = await createClient(app, "Ada Admin");
  const member = await createClient(app, "Mo Member");
  const viewer = await createClient(app, "Vi Viewer");
  const stranger = await createClient(app, "Stan Stranger");
  const board = await createBoard(admin);
  await app.db.boardMember.createMany({
    data: [
      { boardId: board.id, userId: member.userId, role: "member" },
      { boardId: board.id, userId: viewer.userId, role: "viewer" },
    ],
  });
  return { board, admin, member, viewer, stranger };
}
