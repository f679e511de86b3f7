import type { TApiToken } from "@tideway/contracts";
import type { Db } from "../../db/prisma";
import { notFound } from "../../errors/app-error";
import type { ConnectionSink } from "./connection-sink";

/** The caller's API tokens, newest first: names and dates, never the secrets (only their hashes are kept). */
export async function listApiTokens(db: Db, userId: string): Promise<TApiToken[]> {
  const tokens = await db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
  return tokens.map((token) => ({
    ...token,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
  }));
}

/**
 * Revokes one of the caller's tokens: it stops working at once, and the
 * connections it opened are closed. Another person's token is 404, as if it
 * did not exist.
 */
export async function revokeApiToken(
  deps: { db: Db; connections: ConnectionSink },
  userId: string,
  tokenId: string,
): Promise<void> {
  const { count } = await deps.db.apiToken.deleteMany({ where: { id: tokenId, userId } });
  if (count === 0) throw notFound("API token");
  deps.connections.endToken(tokenId);
}
