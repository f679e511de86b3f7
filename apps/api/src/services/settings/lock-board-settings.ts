import type { Prisma } from "../../generated/prisma/client";

/**
 * Reads `Board.settings` (one JSON object that several features share) and
 * locks the board row until the transaction ends, so two changes to
 * different settings never overwrite each other. Anything that is not an
 * object reads as `{}`.
 */
export async function lockBoardSettings(
  tx: Prisma.TransactionClient,
  boardId: string,
): Promise<Prisma.JsonObject> {
  const [board] = await tx.$queryRaw<{ settings: Prisma.JsonValue }[]>`
    SELECT settings FROM boards WHERE id = ${boardId}::uuid FOR NO KEY UPDATE`;
  const settings = board?.settings;
  return typeof settings === "object" && settings !== null && !Array.isArray(settings) ? settings : {};
}
