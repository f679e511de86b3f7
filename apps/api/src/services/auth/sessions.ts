import type { TUser } from "@tideway/contracts";
import { API_TOKEN_PREFIX, hashSecret, newSecret } from "../../auth/tokens";
import type { Db } from "../../db/prisma";

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
// Refreshing last-seen on every request would turn reads into writes.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface Caller extends TUser {
  /** How the caller proved who they are: a browser session or an API token. */
  via: "session" | "token";
  sessionId: string | null;
}

const userFields = { id: true, email: true, name: true, isInstanceAdmin: true } as const;

export async function startSession(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.session.create({ data: { userId, tokenHash: hashSecret(token), expiresAt, lastSeenAt: now } });
  return { token, expiresAt };
}

/** The user behind a session cookie, or null when it is unknown or expired (sliding expiry). */
export async function callerFromSession(db: Db, token: string, now = new Date()): Promise<Caller | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { user: { select: userFields } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({
      where: { id: session.id },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  return { ...session.user, via: "session", sessionId: session.id };
}

export async function callerFromApiToken(db: Db, token: string, now = new Date()): Promise<Caller | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const apiToken = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    include: { user: { select: userFields } },
  });
  if (!apiToken || (apiToken.expiresAt && apiToken.expiresAt <= now)) return null;
  if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.apiToken.update({ where: { id: apiToken.id }, data: { lastUsedAt: now } });
  }
  return { ...apiToken.user, via: "token", sessionId: null };
}

export async function endSession(db: Db, caller: Caller, everywhere: boolean): Promise<void> {
  if (everywhere) {
    await db.session.deleteMany({ where: { userId: caller.id } });
  } else if (caller.sessionId) {
    await db.session.deleteMany({ where: { id: caller.sessionId } });
  }
}

export async function createApiToken(
  db: Db,
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
  now = new Date(),
) {
  const token = newSecret(API_TOKEN_PREFIX);
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const created = await db.apiToken.create({
    data: { userId, name: input.name, tokenHash: hashSecret(token), expiresAt },
  });
  return { id: created.id, name: created.name, token, expiresAt: expiresAt?.toISOString() ?? null };
}
