import { ErrorCode, type TUser } from "@tideway/contracts";
import { days, minutes } from "@tideway/domain";
import { API_TOKEN_PREFIX, hashSecret, newSecret } from "../../auth/tokens";
import type { Db } from "../../db/prisma";
import { AppError } from "../../errors/app-error";
import { Prisma } from "../../generated/prisma/client";
import type { ConnectionSink } from "./connection-sink";

export const SESSION_TTL_MS = days(14);
// Refreshing last-seen on every request would turn reads into writes.
const TOUCH_INTERVAL_MS = minutes(5);

export interface Caller extends TUser {
  /** How the caller proved who they are: a browser session or an API token. */
  via: "session" | "token";
  sessionId: string | null;
  tokenId: string | null;
}

interface Credential {
  user: TUser;
  credentialId: string;
  /** Never null for a session; an API token may have no expiry and no use yet. */
  expiresAt: Date | null;
  touchedAt: Date | null;
}

const CREDENTIAL_SOURCES = {
  session: { table: Prisma.raw("sessions"), touched: Prisma.raw("last_seen_at") },
  apiToken: { table: Prisma.raw("api_tokens"), touched: Prisma.raw("last_used_at") },
};

/**
 * The session or API token with this secret and its user. Every request
 * looks its caller up, so this is one statement (Prisma's `include` sends two).
 */
async function findCredential(
  db: Db,
  source: keyof typeof CREDENTIAL_SOURCES,
  secret: string,
): Promise<Credential | null> {
  const { table, touched } = CREDENTIAL_SOURCES[source];
  const [row] = await db.$queryRaw<(TUser & Omit<Credential, "user">)[]>`
    SELECT u.id, u.email, u.name, u.is_instance_admin AS "isInstanceAdmin", u.locale,
      c.id AS "credentialId", c.expires_at AS "expiresAt", c.${touched} AS "touchedAt"
    FROM ${table} c JOIN users u ON u.id = c.user_id
    WHERE c.token_hash = ${hashSecret(secret)}`;
  if (!row) return null;
  const { credentialId, expiresAt, touchedAt, ...user } = row;
  return { user, credentialId, expiresAt, touchedAt };
}

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
  const session = await findCredential(db, "session", token);
  if (!session) return null;
  const { credentialId, expiresAt, touchedAt, user } = session;
  if (!expiresAt || expiresAt <= now) {
    await db.session.deleteMany({ where: { id: credentialId } });
    return null;
  }
  if (!touchedAt || now.getTime() - touchedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({
      where: { id: credentialId },
      data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  return { ...user, via: "session", sessionId: credentialId, tokenId: null };
}

export async function callerFromApiToken(db: Db, token: string, now = new Date()): Promise<Caller | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const apiToken = await findCredential(db, "apiToken", token);
  if (!apiToken) return null;
  const { credentialId, expiresAt, touchedAt, user } = apiToken;
  if (expiresAt && expiresAt <= now) return null;
  if (!touchedAt || now.getTime() - touchedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.apiToken.update({ where: { id: credentialId }, data: { lastUsedAt: now } });
  }
  return { ...user, via: "token", sessionId: null, tokenId: credentialId };
}

export interface SessionDeps {
  db: Db;
  connections: ConnectionSink;
}

/**
 * Signs the caller's session out, or every session of theirs ("everywhere"),
 * and closes the live connections those sessions opened. API tokens are
 * credentials of scripts, listed and revoked one by one: signing out leaves them.
 */
export async function endSession(deps: SessionDeps, caller: Caller, everywhere: boolean): Promise<void> {
  if (everywhere) {
    await deps.db.session.deleteMany({ where: { userId: caller.id } });
    deps.connections.endSessionsOf(caller.id);
  } else if (caller.sessionId) {
    await deps.db.session.deleteMany({ where: { id: caller.sessionId } });
    deps.connections.endSession(caller.sessionId);
  }
}

/** Signs out every other session of the caller (a lost laptop), keeping the one making the request. */
export async function endOtherSessions(deps: SessionDeps, caller: Caller): Promise<void> {
  const session = requireSessionCaller(caller, "sign out other sessions");
  await deps.db.session.deleteMany({ where: { userId: caller.id, NOT: { id: session } } });
  deps.connections.endSessionsOf(caller.id, session);
}

/**
 * Account changes (tokens, password, deletion) need a person signed in with
 * a session: a leaked API token must not be able to make itself permanent
 * by minting more, nor lock its owner out.
 */
export function requireSessionCaller(caller: Caller, action: string): string {
  if (caller.via !== "session" || !caller.sessionId) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `An API token cannot ${action}; sign in to Tideway in a browser and do it from your account page.`,
    );
  }
  return caller.sessionId;
}

export async function createApiToken(
  db: Db,
  caller: Caller,
  input: { name: string; expiresInDays?: number | undefined },
  now = new Date(),
) {
  requireSessionCaller(caller, "create API tokens");
  return issueApiToken(db, caller.id, input, now);
}

/** A new API token for a user, unchecked: for createApiToken and for scripts that set up their own users (bench). */
export async function issueApiToken(
  db: Db,
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
  now = new Date(),
) {
  const token = newSecret(API_TOKEN_PREFIX);
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + days(input.expiresInDays)) : null;
  const created = await db.apiToken.create({
    data: { userId, name: input.name, tokenHash: hashSecret(token), expiresAt },
  });
  return { id: created.id, name: created.name, token, expiresAt: expiresAt?.toISOString() ?? null };
}
